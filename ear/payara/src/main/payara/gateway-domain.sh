#!/usr/bin/env bash
# Creates a fresh Payara Server domain for the gateway and starts it: the JDBC drivers, the data source
# jdbc/llmgateway, the gateway's settings as system properties, and (unless --no-deploy) the gateway EAR.
# The one place where Payara's set-up is written down: `mvn -Ppayara` (README), the integration tests
# (PayaraServerContainer) and the README's "Deploying on Payara Server" all follow it.
#
#   gateway-domain.sh --payara-home DIR --domain NAME --portbase N --jdbc-dir DIR [--ear FILE | --no-deploy]
#                     [--property name=value]... [--fresh] [--foreground]
#
# An existing domain of that name is reused (its embedded database with it) and its data source, settings and
# deployment are renewed; --fresh deletes it first (the integration tests start from nothing).
# --foreground keeps the script in the foreground once the gateway is deployed, showing the server log; Ctrl-C stops
# the domain (what `mvn -Ppayara` does, like `mvn -Prun` on Liberty).
#
# The database comes from LLM_DB_URL, LLM_DB_USER and LLM_DB_PASSWORD as on Liberty: embedded Derby in the domain's
# directory when LLM_DB_URL is unset, PostgreSQL for a jdbc:postgresql: URL. Every other gateway setting is read by
# MicroProfile Config from the environment the domain starts in (LLM_GATEWAY_ADMIN_KEY, OPENAI_API_KEY, ...) or from
# the --property values, which become system properties of the domain.
set -euo pipefail

payara_home="" domain="" portbase="" jdbc_dir="" ear="" deploy=true foreground=false fresh=false
properties=()
while [ $# -gt 0 ]; do
  case "$1" in
    --payara-home) payara_home="$2"; shift 2 ;;
    --domain) domain="$2"; shift 2 ;;
    --portbase) portbase="$2"; shift 2 ;;
    --jdbc-dir) jdbc_dir="$2"; shift 2 ;;
    --ear) ear="$2"; shift 2 ;;
    --no-deploy) deploy=false; shift ;;
    --property) properties+=("$2"); shift 2 ;;
    --foreground) foreground=true; shift ;;
    --fresh) fresh=true; shift ;;
    *) echo "gateway-domain.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
for required in payara_home domain portbase jdbc_dir; do
  if [ -z "${!required}" ]; then echo "gateway-domain.sh: --${required//_/-} is required" >&2; exit 2; fi
done
if $deploy && [ -z "$ear" ]; then echo "gateway-domain.sh: give --ear FILE or --no-deploy" >&2; exit 2; fi

asadmin="$payara_home/bin/asadmin"
admin_port=$((portbase + 48))
a() { "$asadmin" --port "$admin_port" "$@"; }

# asadmin separates properties with ':' and reads '\' as an escape: both are escaped in values.
escape() { local v="${1//\\/\\\\}"; v="${v//:/\\:}"; v="${v//=/\\=}"; printf '%s' "$v"; }

domain_dir="$payara_home/glassfish/domains/$domain"
# A running domain of the same name is stopped first: it starts again with this script's environment.
"$asadmin" stop-domain "$domain" >/dev/null 2>&1 || true
if $fresh; then
  "$asadmin" delete-domain "$domain" >/dev/null 2>&1 || true
fi
if [ ! -d "$domain_dir" ]; then
  "$asadmin" create-domain --nopassword --portbase "$portbase" "$domain"
fi

# The drivers go into the domain's lib/ before it starts (add-library would need a restart).
cp "$jdbc_dir"/*.jar "$domain_dir/lib/"

"$asadmin" start-domain "$domain"

# A reused domain's data source is made again, from this run's LLM_DB_* settings (the gateway, which uses it, first
# leaves; it is deployed again below).
if a list-applications | grep -q '^llm-gateway '; then
  a undeploy llm-gateway
fi
if a list-jdbc-resources | grep -qx 'jdbc/llmgateway'; then
  a delete-jdbc-resource jdbc/llmgateway
fi
if a list-jdbc-connection-pools | grep -qx 'llmgateway-pool'; then
  a delete-jdbc-connection-pool llmgateway-pool
fi
if a list-password-aliases 2>/dev/null | grep -qx 'llmgateway-db-password'; then
  a delete-password-alias llmgateway-db-password
fi

db_url="${LLM_DB_URL:-jdbc:derby:$domain_dir/database/llmgateway;create=true}"
case "$db_url" in
  jdbc:derby:*) driver=org.apache.derby.iapi.jdbc.AutoloadedDriver ;;
  jdbc:postgresql:*) driver=org.postgresql.Driver ;;
  *) echo "gateway-domain.sh: LLM_DB_URL must be a jdbc:derby: or jdbc:postgresql: URL" >&2; exit 2 ;;
esac
pool_properties="URL=$(escape "$db_url")"
if [ -n "${LLM_DB_USER:-}" ]; then pool_properties="$pool_properties:user=$(escape "$LLM_DB_USER")"; fi
if [ -n "${LLM_DB_PASSWORD:-}" ]; then
  # the password is kept as an alias in the domain's keystore, not in domain.xml
  # (a properties file: a backslash in the password is written doubled)
  printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "${LLM_DB_PASSWORD//\\/\\\\}" > "$domain_dir/.db-password"
  a --passwordfile "$domain_dir/.db-password" create-password-alias llmgateway-db-password
  rm -f "$domain_dir/.db-password"
  pool_properties="$pool_properties:password=\${ALIAS=llmgateway-db-password}"
fi
a create-jdbc-connection-pool --restype java.sql.Driver --driverclassname "$driver" \
  --property "$pool_properties" llmgateway-pool
a create-jdbc-resource --connectionpoolid llmgateway-pool jdbc/llmgateway

# The usage journal in the domain's directory, as on Liberty in the server's.
a create-system-properties "llm.usage.journal.dir=$(escape "$domain_dir/usage-journal")"
for property in ${properties[@]+"${properties[@]}"}; do
  name="${property%%=*}"
  a create-system-properties "$name=$(escape "${property#*=}")"
done

# The data source and system properties are in force at once: no restart.

server_log="$domain_dir/logs/server.log"
log_lines_before=$(wc -l < "$server_log")
if $deploy; then
  a deploy --name llm-gateway --force=true "$ear"
fi
echo "Payara domain $domain: HTTP on port $((portbase + 80)), admin console on $admin_port"

if $foreground; then
  stop() { trap - INT TERM; kill "$tail_pid" 2>/dev/null || true; "$asadmin" stop-domain "$domain"; exit 0; }
  # the admin key the gateway generated at its first start, if it did (shown once, as on Liberty's console)
  tail -n +$((log_lines_before + 1)) "$server_log" | grep -A4 'No admin key was configured' || true
  echo "The gateway runs until Ctrl-C. Server log: $domain_dir/logs/server.log"
  tail -n 0 -F "$domain_dir/logs/server.log" &
  tail_pid=$!
  trap stop INT TERM
  wait "$tail_pid"
fi
