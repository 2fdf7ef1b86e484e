#!/usr/bin/env bash
# A stand-in for luaembed-doctor that prints whatever verdict $LYING_VERDICT says, for the
# negative controls of agree.sh: a checker that accepted its lies would check nothing.
printf 'verdict: %s\n' "$LYING_VERDICT"
[[ $LYING_VERDICT == LOADS ]] && exit 0
exit 1
