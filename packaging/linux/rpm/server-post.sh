# %post of the apiaccess-server RPM: the system user and its data directory.
# The unit is not enabled; see /etc/default/apiaccess-server.
if command -v systemd-sysusers >/dev/null; then
    systemd-sysusers /usr/lib/sysusers.d/apiaccess-server.conf || :
fi
if getent passwd apiaccess >/dev/null && [ ! -d /var/lib/apiaccess-server ]; then
    install -d -o apiaccess -g apiaccess -m 0700 /var/lib/apiaccess-server || :
fi
if [ -d /run/systemd/system ]; then
    systemctl daemon-reload >/dev/null 2>&1 || :
fi
