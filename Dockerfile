# CampaignAdmin dashboard, embedded mode by default: the dashboard hosts the Campaign API in-process on SQLite
# under /app/data (a volume). Not built in CI here: these machines have no container engine.
#
#   docker build -t campaignadmin .
#   docker run -p 8080:8080 -v campaignadmin-data:/app/data \
#     -e Demo__Seed=true -e Demo__ApiKey=<a long random key> campaignadmin
#
# Remote mode (drive the vendor's API, host nothing): -e CampaignApi__BaseUrl=https://… -e CampaignApi__ApiKey=…
# First admin: -e Admin__Email=… -e Admin__Password=… (else a generated password is printed once to the log).
# Serve it behind a TLS-terminating proxy: outside Development the dashboard redirects to HTTPS and sends HSTS.
# Name the proxy so its X-Forwarded-For/-Proto are believed (audit addresses, HTTPS): -e ReverseProxy__KnownNetworks__0=10.0.0.0/8
# No secret is baked into the image; outside Development there is no default API key.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/CampaignAdmin.Contracts/CampaignAdmin.Contracts.csproj src/CampaignAdmin.Contracts/
COPY src/CampaignAdmin.Client/CampaignAdmin.Client.csproj src/CampaignAdmin.Client/
COPY src/CampaignAdmin.ServiceDefaults/CampaignAdmin.ServiceDefaults.csproj src/CampaignAdmin.ServiceDefaults/
COPY src/CampaignAdmin.Api/CampaignAdmin.Api.csproj src/CampaignAdmin.Api/
COPY src/CampaignAdmin.Import/CampaignAdmin.Import.csproj src/CampaignAdmin.Import/
COPY src/CampaignAdmin.Dashboard/CampaignAdmin.Dashboard.csproj src/CampaignAdmin.Dashboard/
COPY src/CampaignAdmin.Web/CampaignAdmin.Web.csproj src/CampaignAdmin.Web/
# ReadyToRun: the app and its packages are compiled ahead of time, so a fresh container answers and serves its first big
# create without waiting for the JIT (the API published this way answered in 3.6 s instead of 11.2 s on a busy 2-core box).
# -a takes Docker's TARGETARCH (amd64, arm64), as Microsoft's samples do, so the native SQLite and the compiled code match.
ARG TARGETARCH
RUN dotnet restore src/CampaignAdmin.Web/CampaignAdmin.Web.csproj -a "$TARGETARCH" -p:PublishReadyToRun=true \
 && dotnet restore src/CampaignAdmin.Api/CampaignAdmin.Api.csproj -a "$TARGETARCH" -p:PublishReadyToRun=true
COPY src/ src/

# Two images from this one file: --target api (the Campaign API alone, src/CampaignAdmin.Api) and the default last
# target, the dashboard (src/CampaignAdmin.Web). BuildKit builds only the publish stage the chosen target needs.
FROM build AS publish-api
ARG TARGETARCH
RUN dotnet publish src/CampaignAdmin.Api/CampaignAdmin.Api.csproj -c Release -a "$TARGETARCH" --self-contained false \
        -p:PublishReadyToRun=true -o /app --no-restore

FROM build AS publish-web
ARG TARGETARCH
RUN dotnet publish src/CampaignAdmin.Web/CampaignAdmin.Web.csproj -c Release -a "$TARGETARCH" --self-contained false \
        -p:PublishReadyToRun=true -o /app --no-restore

#   docker build --target api -t campaignadmin-api .
# Configure it by environment (Database__Provider, ConnectionStrings__Campaigns, Demo__ApiKey …); see docker-compose.yml.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS api
WORKDIR /app
COPY --from=publish-api /app ./
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__Campaigns="Data Source=/app/data/campaigns.db"
VOLUME ["/app/data"]
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "CampaignAdmin.Api.dll"]

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS dashboard
WORKDIR /app
COPY --from=publish-web /app ./
# The dashboard's own logo, favicon and styles, served from this folder (see DashboardAssets).
COPY wwwroot-assets/ ./wwwroot-assets/
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Dashboard__AssetsPath=/app/wwwroot-assets \
    ConnectionStrings__Campaigns="Data Source=/app/data/campaigns.db" \
    ConnectionStrings__Dashboard="Data Source=/app/data/dashboard.db" \
    DataProtection__KeysPath=/app/data/keys
VOLUME ["/app/data"]
EXPOSE 8080
# The non-root user the .NET images provide.
USER $APP_UID
ENTRYPOINT ["dotnet", "CampaignAdmin.Web.dll"]
