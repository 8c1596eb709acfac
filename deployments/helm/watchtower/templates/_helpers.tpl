{{- define "watchtower.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "watchtower.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "watchtower.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ include "watchtower.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "watchtower.selector" -}}
app.kubernetes.io/name: {{ include "watchtower.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "watchtower.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{/* The config file: values.config plus the paths the chart mounts. */}}
{{- define "watchtower.config" -}}
{{- $c := deepCopy .Values.config -}}
{{- $_ := set $c "data_dir" "/data" -}}
{{- $store := get $c "store" | default dict -}}
{{- if .Values.secrets.redisPassword.existingSecret -}}
{{- $_ := set $store "redis_password_file" "/etc/watchtower/redis/password" -}}
{{- end -}}
{{- $_ := set $c "store" $store -}}
{{- $nats := get $c "nats" | default dict -}}
{{- if .Values.secrets.natsCreds.existingSecret -}}
{{- $_ := set $nats "creds_file" "/etc/watchtower/nats/creds" -}}
{{- end -}}
{{- $_ := set $c "nats" $nats -}}
{{- toYaml $c -}}
{{- end -}}
