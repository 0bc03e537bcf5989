#!/usr/bin/env bash
# Real voices for headless browsers on a machine without a sound card (read aloud's real-voice e2e).
#   scripts/speech.sh start DIR   starts PulseAudio (a null sink that plays in real time) and Speech
#                                 Dispatcher with espeak-ng, both private to DIR; prints the
#                                 XDG_RUNTIME_DIR the browser must be given
#   scripts/speech.sh stop DIR    stops both (by process id) and removes DIR
# Needs Debian's speech-dispatcher, speech-dispatcher-espeak-ng, espeak-ng, pulseaudio and
# pulseaudio-utils (.ci/run installs them). Chromium also needs --enable-speech-dispatcher.
# Why each step: docs/ARCHITECTURE.md, "Read aloud on Linux".
set -euo pipefail
cmd=${1:?start or stop}
S=${2:?a private directory}

if [ "$cmd" = stop ]; then
  for f in "$S/spd.pid" "$S/pa.pid"; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true; done
  # speech-dispatcher's sd_* modules exit with it; wait for the daemons before removing their files.
  for _ in $(seq 50); do
    alive=0
    for f in "$S/spd.pid" "$S/pa.pid"; do [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && break
    sleep 0.1
  done
  rm -rf "$S"
  exit 0
fi

for tool in speech-dispatcher pulseaudio pactl; do
  command -v "$tool" >/dev/null || { echo "speech.sh: $tool is missing (apt-get install -y speech-dispatcher speech-dispatcher-espeak-ng espeak-ng pulseaudio pulseaudio-utils)" >&2; exit 3; }
done
mkdir -p "$S/xdg" "$S/log" "$S/espeak/espeak-ng-data/voices/!v"
chmod 700 "$S/xdg"
export XDG_RUNTIME_DIR="$S/xdg"
# espeak-ng's data without its voice variants: 131 voices listed in 0.2 s instead of 13,362 in 12 s,
# longer than the browsers wait before they list none.
D=$(dirname "$(find /usr/lib -maxdepth 3 -type d -name espeak-ng-data | head -n1)")/espeak-ng-data
for f in "$D"/* "$D"/voices/*; do
  case $f in */voices | */'!v') ;; *) ln -sfn "$f" "$S/espeak/espeak-ng-data/${f#"$D"/}" ;; esac
done
# A null sink consumes audio in real time, so an utterance's end comes when its speech would end.
printf '%s\n' 'load-module module-native-protocol-unix' 'load-module module-null-sink sink_name=silent' \
  'set-default-sink silent' >"$S/pa.pa"
pulseaudio -n -F "$S/pa.pa" --daemonize=no --exit-idle-time=-1 --disallow-exit \
  --log-target="file:$S/pa.log" >/dev/null 2>&1 &
echo $! >"$S/pa.pid"
cp -r /etc/speech-dispatcher "$S/conf"
printf '%s\n' 'AudioOutputMethod "pulse"' 'DefaultModule espeak-ng' >>"$S/conf/speechd.conf"
for _ in $(seq 100); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
ESPEAK_DATA_PATH="$S/espeak" speech-dispatcher -d -t 0 -C "$S/conf" -L "$S/log" -P "$S/spd.pid"
for _ in $(seq 100); do [ -S "$XDG_RUNTIME_DIR/speech-dispatcher/speechd.sock" ] && break; sleep 0.1; done
[ -S "$XDG_RUNTIME_DIR/speech-dispatcher/speechd.sock" ] || { echo "speech.sh: speech-dispatcher did not start" >&2; exit 4; }
echo "$XDG_RUNTIME_DIR"
