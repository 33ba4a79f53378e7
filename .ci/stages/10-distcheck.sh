# SPDX-License-Identifier: GPL-2.0-or-later
# make distcheck: the release tarball builds, passes its tests, installs
# and uninstalls cleanly.
if make distcheck >ci-distcheck.log 2>&1; then
	ci_result "make distcheck" 0
else
	tail -n 80 ci-distcheck.log
	ci_result "make distcheck" 1
fi
