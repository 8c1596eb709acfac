# syntax=docker/dockerfile:1
# watchtower: a static binary on distroless, running as non-root (uid 65532).
#   make image     (tags it as the Helm chart's image; see docs/operators.md)
#   docker build -t watchtower .
#   docker run --rm watchtower config example
ARG GO_VERSION=1.26
FROM golang:${GO_VERSION}-bookworm AS build
WORKDIR /src
ENV CGO_ENABLED=0 GOFLAGS=-trimpath
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
ARG VERSION=devel
# The commit built (.git is not in the build context): `watchtower version` shows it.
ARG REVISION=
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
    go build -ldflags "-s -w -X main.buildVersion=${VERSION} -X main.buildRevision=${REVISION}" -o /out/watchtower ./cmd/watchtower \
 && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/watchtower /usr/local/bin/watchtower
# The data dir (embedded store and NATS) must be writable by the nonroot user.
COPY --from=build --chown=65532:65532 /out/data /data
USER 65532:65532
WORKDIR /data
ENV WATCHTOWER_DATA_DIR=/data \
    WATCHTOWER_METRICS_LISTEN=0.0.0.0:7300 \
    WATCHTOWER_LOG_FORMAT=json
EXPOSE 7300 8080
VOLUME ["/data"]
ENTRYPOINT ["/usr/local/bin/watchtower"]
CMD ["run", "--config", "/etc/watchtower/watchtower.yaml"]
