{{/* The chart's name, and the name of every object of a release. */}}
{{- define "havenkit.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "havenkit.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 50 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 50 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 50 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "havenkit.selectorLabels" -}}
app.kubernetes.io/name: {{ include "havenkit.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "havenkit.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "havenkit.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: havenkit
{{- end }}

{{- define "havenkit.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/* Where the probes write: a namespace of their own, never the release's. */}}
{{- define "havenkit.probeNamespace" -}}
{{- default (printf "%s-probe" .Release.Namespace) .Values.probes.namespace }}
{{- end }}

{{/* The checks the CronJob runs, as a JSON list (the same selection as havenkit check). */}}
{{- define "havenkit.checks" -}}
{{- $perm := .Files.Get "files/permissions.yaml" | fromYaml }}
{{- $checks := list }}
{{- if .Values.checks.only }}
{{- range .Values.checks.only }}
{{- if not (hasKey $perm.checks .) }}
{{- fail (printf "checks.only: unknown check %q (checks: %s)" . (keys $perm.checks | sortAlpha | join ", ")) }}
{{- end }}
{{- $checks = append $checks . }}
{{- end }}
{{- else }}
{{- $checks = $perm.mandatory }}
{{- if .Values.checks.cis }}{{ $checks = append $checks "cis" }}{{ end }}
{{- if .Values.checks.kubescape }}{{ $checks = append $checks "kubescape" }}{{ end }}
{{- end }}
{{- $checks | uniq | sortAlpha | toJson }}
{{- end }}

{{/*
The permissions the selection needs, from files/permissions.yaml (generated from the catalogue):
a JSON object "namespace" → "group|resource" → [verbs], "" being cluster-wide. A namespaced
permission a cluster-wide one covers is left out, as havenkit rbac does.
*/}}
{{- define "havenkit.grants" -}}
{{- $perm := .Files.Get "files/permissions.yaml" | fromYaml }}
{{- $all := list }}
{{- range (include "havenkit.checks" . | fromJsonArray) }}
{{- $all = concat $all (index $perm.checks .) }}
{{- end }}
{{- if .Values.sovereignty.enabled }}{{ $all = concat $all $perm.register }}{{ end }}
{{- $all = concat $all $perm.always }}
{{- range .Values.probes.enabled }}
{{- $all = concat $all (index $perm.probes .) }}
{{- end }}
{{- $probeNamespace := include "havenkit.probeNamespace" . }}
{{- $grants := dict }}
{{- range $all }}
{{- $ns := default "" .namespace | replace "@probe" $probeNamespace }}
{{- $key := printf "%s|%s" .group .resource }}
{{- $scope := get $grants $ns | default dict }}
{{- $_ := set $scope $key (append (get $scope $key | default list) .verb | uniq | sortAlpha) }}
{{- $_ := set $grants $ns $scope }}
{{- end }}
{{- $wide := get $grants "" | default dict }}
{{- range $ns, $scope := $grants }}
{{- if ne $ns "" }}
{{- range $key, $verbs := $scope }}
{{- $wideVerbs := get $wide $key | default list }}
{{- $left := list }}
{{- range $verbs }}{{ if not (has . $wideVerbs) }}{{ $left = append $left . }}{{ end }}{{ end }}
{{- if $left }}{{ $_ := set $scope $key $left }}{{ else }}{{ $_ := unset $scope $key }}{{ end }}
{{- end }}
{{- end }}
{{- end }}
{{- $grants | toJson }}
{{- end }}

{{/* Rules of one scope ("group|resource" → verbs), one rule per resource. */}}
{{- define "havenkit.rules" -}}
{{- range $key, $verbs := . }}
{{- $parts := splitList "|" $key }}
- apiGroups: [{{ index $parts 0 | quote }}]
  resources: [{{ index $parts 1 | quote }}]
  verbs: [{{ range $i, $v := $verbs }}{{ if $i }}, {{ end }}{{ $v | quote }}{{ end }}]
{{- end }}
{{- end }}
