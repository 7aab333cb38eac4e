#!/usr/bin/env bash
# A throw-away SMTP sink (Debian's exim4) for the test suite, on a free loopback port.
#   scripts/smtp-test-server.sh start DIR   writes DIR/port; DIR/cert.pem is the CA to trust
#   scripts/smtp-test-server.sh stop DIR    stop the daemon; DIR is left for the caller to delete
# Takes mail for any recipient, plain or STARTTLS, into DIR/Maildir/new. AUTH PLAIN/LOGIN as
# accord / smtp-test-password is offered only after STARTTLS and never required.
# Run as root (or via sudo). exim -C runs the daemon and deliveries as Debian-exim, so DIR
# and every directory above it must be searchable by that user (not under /root).
set -euo pipefail
cmd=${1:-}
dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }
exim=/usr/sbin/exim4
user=Debian-exim

# Is pid $1 running? A zombie counts as gone (PID 1 may be slow to reap it).
alive() {
  local state
  state=$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null) && [ -n "$state" ] && [ "$state" != Z ]
}

# Is pid $1 our daemon (not a reused pid)?
ours() {
  local args
  args=$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null) || return 1
  alive "$1" && [[ $args == *"-C $dir/exim.conf "* ]]
}

stop_daemon() {
  [ -f "$dir/pid" ] || return 0
  local pid
  pid=$(cat "$dir/pid")
  if ours "$pid"; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 100); do ours "$pid" || break; sleep 0.1; done # up to 10 s
    ! ours "$pid" || kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$dir/pid" "$dir/port"
}

# 0 if something accepts connections on 127.0.0.1:$1 (and, with a 2nd argument, greets
# with SMTP 220 within 2 s).
port_open() {
  local line=220
  { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
  [ -z "${2:-}" ] || IFS= read -r -t 2 line <&3 || line=
  printf 'QUIT\r\n' >&3 2>/dev/null || true
  exec 3<&-
  [[ $line == 220* ]]
}

case $cmd in
  start)
    [ -x "$exim" ] || { echo "$exim missing: apt-get install exim4-daemon-light" >&2; exit 1; }
    [ "$(id -u)" -eq 0 ] || { echo "$0 must run as root (or via sudo)" >&2; exit 1; }
    [[ $dir == /* ]] || { echo "DIR must be an absolute path: $dir" >&2; exit 2; }
    stop_daemon
    mkdir -p "$dir"
    rm -rf "$dir/spool" "$dir/log" "$dir/Maildir" && mkdir -p "$dir/spool" "$dir/log" "$dir/Maildir"
    chmod 755 "$dir"
    openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 \
      -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
      -keyout "$dir/key.pem" -out "$dir/cert.pem" >"$dir/log/openssl.log" 2>&1 ||
      { cat "$dir/log/openssl.log" >&2; exit 1; }
    cat >"$dir/exim.conf" <<EOF
primary_hostname = localhost
exim_user = $user
exim_group = $user
keep_environment =
disable_ipv6 = true
local_interfaces = 127.0.0.1
spool_directory = $dir/spool
log_file_path = $dir/log/%slog
host_lookup =
rfc1413_hosts =
queue_only = false
smtp_accept_queue_per_connection = 0
smtp_accept_max = 200
smtp_receive_timeout = 30s
daemon_startup_retries = 0
tls_advertise_hosts = *
tls_certificate = $dir/cert.pem
tls_privatekey = $dir/key.pem
acl_smtp_rcpt = acl_rcpt

begin acl
acl_rcpt:
  accept hosts = 127.0.0.1
  deny   message = relay not permitted

begin routers
sink:
  driver = accept
  transport = maildir

begin transports
maildir:
  driver = appendfile
  directory = $dir/Maildir
  maildir_format
  create_directory
  directory_mode = 0755
  mode = 0644
  user = $user
  envelope_to_add
  return_path_add

begin authenticators
plain:
  driver = plaintext
  public_name = PLAIN
  server_advertise_condition = \${if def:tls_in_cipher}
  server_prompts = :
  server_condition = \${if and {{eq{\$auth2}{accord}}{eq{\$auth3}{smtp-test-password}}}}
  server_set_id = \$auth2
login:
  driver = plaintext
  public_name = LOGIN
  server_advertise_condition = \${if def:tls_in_cipher}
  server_prompts = Username:: : Password::
  server_condition = \${if and {{eq{\$auth1}{accord}}{eq{\$auth2}{smtp-test-password}}}}
  server_set_id = \$auth1
EOF
    chmod 644 "$dir/exim.conf" "$dir/cert.pem"
    chmod 640 "$dir/key.pem" && chgrp "$user" "$dir/key.pem"
    chown -R "$user:$user" "$dir/spool" "$dir/log" "$dir/Maildir"
    runuser -u "$user" -- test -r "$dir/key.pem" -a -w "$dir/Maildir" ||
      { echo "$user cannot reach $dir: all parent directories must be searchable" >&2; exit 1; }
    # A random high port; retried if something else holds it.
    for attempt in 1 2 3 4 5 6 7 8; do
      port=$((20000 + RANDOM % 40000))
      if port_open "$port"; then echo "port $port busy (attempt $attempt)" >&2; continue; fi
      # Keep none of the caller's descriptors (pipes) open in the long-lived daemon.
      (
        for fd in "/proc/$BASHPID"/fd/*; do [ "${fd##*/}" -le 2 ] || eval "exec ${fd##*/}>&-"; done
        exec "$exim" -C "$dir/exim.conf" -bdf -oX "$port" </dev/null >>"$dir/log/daemon.log" 2>&1
      ) &
      pid=$!
      echo "$pid" > "$dir/pid"
      deadline=$((SECONDS + 20))
      while [ "$SECONDS" -lt "$deadline" ]; do
        if port_open "$port" smtp; then
          echo "$port" > "$dir/port"
          echo "SMTP test server on 127.0.0.1:$port ($dir)"
          exit 0
        fi
        alive "$pid" || break
        sleep 0.1
      done
      stop_daemon
      grep -q "Address already in use" "$dir/log/daemon.log" || break
      echo "port $port busy (attempt $attempt)" >&2
    done
    echo "SMTP test server in $dir did not start" >&2
    for f in daemon.log paniclog mainlog; do # daemon.log is exim's stderr
      [ -s "$dir/log/$f" ] && { echo "--- $dir/log/$f" >&2; tail -n 40 "$dir/log/$f" >&2; }
    done
    exit 1
    ;;
  stop) stop_daemon ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
