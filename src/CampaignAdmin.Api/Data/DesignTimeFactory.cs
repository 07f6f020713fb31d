using CampaignAdmin.Api.Data.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CampaignAdmin.Api.Data;

/// <summary>For <c>dotnet ef migrations add … --context CampaignDb --output-dir Data/Migrations</c>: a context without starting the app.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CampaignDb>
{
    public CampaignDb CreateDbContext(string[] args) => new(CampaignDataServices.OptionsFor<CampaignDb>(DesignTimeDatabases.Sqlite));
}

/// <summary>For <c>dotnet ef migrations add … --context PostgresCampaignDb --output-dir Data/Postgres/Migrations</c>.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCampaignDb>
{
    public PostgresCampaignDb CreateDbContext(string[] args) => new(CampaignDataServices.OptionsFor<PostgresCampaignDb>(DesignTimeDatabases.Postgres));
}

/// <summary>Adding a migration never connects: these only pick the provider.</summary>
internal static class DesignTimeDatabases
{
    public static readonly CampaignDatabase Sqlite = new(DatabaseProvider.Sqlite, "Data Source=design-time.db");
    public static readonly CampaignDatabase Postgres = new(DatabaseProvider.Postgres, "Host=localhost;Database=design-time");
}
