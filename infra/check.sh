#!/usr/bin/env bash
# Compiles and lints every Bicep template under infra/ with the Bicep CLI from NuGet
# (Azure.Bicep.CommandLine.linux-x64, restored through infra/bicep-cli/BicepCli.csproj), and fails
# on any error or warning. Also checks that main.parameters.json names only parameters main.bicep has.
# Usage: bash infra/check.sh      (CI calls it from .ci/run)
set -euo pipefail
infra="$(cd "$(dirname "$0")" && pwd)"
cd "$infra"

bicep_version=0.49.2
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

# Restore the CLI package (a no-op when it is already in the NuGet cache).
if ! dotnet restore bicep-cli/BicepCli.csproj --verbosity quiet >"$out/restore.log" 2>&1; then
  cat "$out/restore.log" >&2
  echo "check.sh: could not restore Azure.Bicep.CommandLine.linux-x64 $bicep_version" >&2
  exit 1
fi
packages="$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: *//p')"
bicep="${packages%/}/azure.bicep.commandline.linux-x64/$bicep_version/tools/bicep"
[ -f "$bicep" ] || { echo "check.sh: Bicep CLI not found at $bicep" >&2; exit 1; }
# The package keeps the execute bit for its owner only; another user needs a copy of its own.
if [ ! -x "$bicep" ]; then cp "$bicep" "$out/bicep" && chmod +x "$out/bicep" && bicep="$out/bicep"; fi
"$bicep" --version

# Bicep exits 0 on warnings, so its diagnostics are collected and counted here.
diagnostics="$out/diagnostics.txt"
: >"$diagnostics"
status=0
templates=(main.bicep modules/*.bicep)
# Building main.bicep compiles the modules into it; linting each file reports the rest.
"$bicep" build main.bicep --outfile "$out/main.json" 2>>"$diagnostics" || status=1
for template in "${templates[@]}"; do
  "$bicep" lint "$template" >>"$diagnostics" 2>&1 || status=1
done
sort -u "$diagnostics" -o "$diagnostics"
cat "$diagnostics"
errors=$(grep -c ') : Error ' "$diagnostics" || true)
warnings=$(grep -c ') : Warning ' "$diagnostics" || true)

# Every name in main.parameters.json must be a parameter of main.bicep (a typo would be ignored by
# azd and the template default used silently), and every parameter without a default must be mapped.
[ -f "$out/main.json" ] && node - "$out/main.json" main.parameters.json >"$out/params.txt" 2>&1 <<'JS' || status=1
const fs = require('fs');
const [template, parameters] = process.argv.slice(2).map(f => JSON.parse(fs.readFileSync(f, 'utf8')));
const declared = template.parameters || {};
const given = parameters.parameters || {};
let bad = 0;
for (const name of Object.keys(given)) {
  if (!(name in declared)) { console.log(`main.parameters.json: "${name}" is not a parameter of main.bicep`); bad++; }
}
for (const [name, p] of Object.entries(declared)) {
  if (!('defaultValue' in p) && !(name in given)) { console.log(`main.parameters.json: required parameter "${name}" is not mapped`); bad++; }
}
process.exit(bad ? 1 : 0);
JS
[ -f "$out/params.txt" ] && cat "$out/params.txt"

echo "Bicep: ${#templates[@]} templates, $errors errors, $warnings warnings"
[ "$status" -eq 0 ] && [ "$errors" -eq 0 ] && [ "$warnings" -eq 0 ]
