# syntax=docker/dockerfile:1

# Candlefish.Web image, deployed to fly.io (see fly.toml).
#
# The runtime stage is Debian, not mcr.microsoft.com/dotnet/aspnet:10.0: .NET 10's
# images are Ubuntu 24.04 (no Debian tags are published), and Ubuntu's
# "chromium" package is only a snap shim that cannot run in a container. Debian
# ships a real chromium .deb at /usr/bin/chromium, so we use Debian 13 (trixie,
# supported by .NET 10 and still receiving chromium security updates) and copy
# the official ASP.NET Core runtime into it from the aspnet image.

ARG DOTNET_VERSION=10.0

# Only used as the source of the .NET + ASP.NET Core shared runtime.
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS aspnet

# ---------------------------------------------------------------- build ----
FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1
WORKDIR /src

# blazor.web.js fallback (Candlefish.Web/BlazorScriptFallback.targets): "true"
# extracts the script from the .NET 9 runtime pack; "false" uses .NET 10's own
# Microsoft.AspNetCore.App.Internal.Assets, which restores from nuget.org.
# Restore and publish must see the same value.
ARG BLAZOR_SCRIPT_FALLBACK=true

# Restore from the project files alone, so this slow layer is reused until a
# project or a package version changes. Restoring the whole solution also fetches
# the .NET 9 runtime pack (PackageDownload) the fallback needs. Project-level
# .props/.targets come along because the csproj files import them. Globs let
# optional files (NuGet.config, global.json, Directory.Build.targets, .slnx) be
# absent.
COPY *.sln* *.props *.targets *.config global.json* ./
COPY Candlefish.Domain/*.csproj Candlefish.Domain/*.props Candlefish.Domain/*.targets Candlefish.Domain/
COPY Candlefish.Infrastructure/*.csproj Candlefish.Infrastructure/*.props Candlefish.Infrastructure/*.targets Candlefish.Infrastructure/
COPY Candlefish.Web/*.csproj Candlefish.Web/*.props Candlefish.Web/*.targets Candlefish.Web/
COPY Candlefish.Tests/*.csproj Candlefish.Tests/*.props Candlefish.Tests/*.targets Candlefish.Tests/
# No project argument: picks up the single solution file, .sln or .slnx.
RUN dotnet restore -p:CandlefishBlazorScriptFallback=${BLAZOR_SCRIPT_FALLBACK}

COPY . .
# Framework-dependent; we start it with "dotnet", so no native apphost is needed.
RUN dotnet publish Candlefish.Web/Candlefish.Web.csproj \
        -c Release -o /app --no-restore -p:UseAppHost=false \
        -p:CandlefishBlazorScriptFallback=${BLAZOR_SCRIPT_FALLBACK}

# -------------------------------------------------------------- runtime ----
FROM debian:trixie-slim AS final

# The same defaults the aspnet image sets, plus the app's own settings.
ENV APP_UID=1654 \
    HOME=/home/app \
    DOTNET_RUNNING_IN_CONTAINER=true \
    ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Candlefish__DataPath=/data \
    Candlefish__Storage__Root=/data/files \
    Candlefish__Chromium__ExecutablePath=/usr/bin/chromium \
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# .NET's native dependencies (as in Microsoft's Debian runtime-deps images),
# then Chromium and fonts for PDF printing: Liberation is metric-compatible with
# Arial/Times/Courier so layouts don't shift, Noto covers most scripts and emoji,
# and fontconfig builds the font cache now rather than on the first PDF.
# (CJK needs fonts-noto-cjk, ~100 MB; add it when a tenant needs it.)
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates \
        libc6 \
        libgcc-s1 \
        libicu76 \
        libssl3t64 \
        libstdc++6 \
        tzdata \
        chromium \
        fontconfig \
        fonts-liberation \
        fonts-noto-core \
        fonts-noto-color-emoji \
    && rm -rf /var/lib/apt/lists/*

COPY --from=aspnet /usr/share/dotnet /usr/share/dotnet

# Same non-root "app" user (UID 1654) as Microsoft's images. /data is owned by it
# so a fresh Docker volume is writable; on fly.io the mounted volume is owned by
# the image's USER.
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet \
    && groupadd --gid=${APP_UID} app \
    && useradd --no-log-init --uid=${APP_UID} --gid=${APP_UID} --create-home app \
    && mkdir -p /data \
    && chown ${APP_UID}:${APP_UID} /data

WORKDIR /app
# Owned by root: the app can read its binaries but not rewrite them.
COPY --from=build /app .

USER ${APP_UID}:${APP_UID}
EXPOSE 8080

# No HEALTHCHECK: the image has no curl/wget to probe with, and fly.io runs
# its own checks of /health and /health/ready (see fly.toml).

# CMD, not ENTRYPOINT: fly's release_command ("dotnet Candlefish.Web.dll migrate")
# replaces CMD but would be appended to an ENTRYPOINT.
CMD ["dotnet", "Candlefish.Web.dll"]
