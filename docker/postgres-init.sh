#!/bin/sh
# Runs once, when the postgres container initialises an empty data directory
# (/docker-entrypoint-initdb.d). Creates the two roles of the data rules and the database:
#   mzh_owner  owns the schema, runs the migrations
#   mzh_app    what web and worker use: owns nothing, no BYPASSRLS (row-level security binds it)
# Passwords come from the environment (MZH_OWNER_PASSWORD, MZH_APP_PASSWORD); psql quotes them.
set -eu
: "${MZH_OWNER_PASSWORD:?MZH_OWNER_PASSWORD is not set}"
: "${MZH_APP_PASSWORD:?MZH_APP_PASSWORD is not set}"
MZH_DATABASE="${MZH_DATABASE:-mantelzorghub}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$MZH_OWNER_PASSWORD" \
  -v app_password="$MZH_APP_PASSWORD" \
  -v database="$MZH_DATABASE" <<'SQL'
CREATE ROLE mzh_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD :'owner_password';
CREATE ROLE mzh_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT PASSWORD :'app_password';
CREATE DATABASE :"database" OWNER mzh_owner;
SQL
