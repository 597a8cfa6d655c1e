#!/usr/bin/env bash
# Installs what the tests talk to, when missing (Debian packages; ~15 s): the real servers of the
# integration suite and of the PromQL parity test, and tmux, whose width tables a text test checks against.
set -euo pipefail
need=()
command -v prometheus >/dev/null && command -v promtool >/dev/null || need+=(prometheus)
command -v prometheus-alertmanager >/dev/null || need+=(prometheus-alertmanager)
command -v etcd >/dev/null || need+=(etcd-server)
command -v tmux >/dev/null || need+=(tmux)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# Debian's packages start their services where systemd runs; the tests start their own on free ports.
for svc in prometheus prometheus-alertmanager etcd; do
  command -v systemctl >/dev/null && systemctl stop "$svc" >/dev/null 2>&1 || true
done
promtool check rules deploy/prometheus/rules.yml
promtool test rules deploy/prometheus/rules.test.yml
promtool check config deploy/prometheus/prometheus.yml >/dev/null
