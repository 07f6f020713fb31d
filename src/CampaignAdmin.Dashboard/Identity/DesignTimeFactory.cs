using CampaignAdmin.Dashboard.Identity.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CampaignAdmin.Dashboard.Identity;

/// <summary>For <c>dotnet ef migrations add … --context DashboardDb --output-dir Identity/Migrations</c>: a context without starting the app.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<DashboardDb>
{
    public DashboardDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<DashboardDb>().UseSqlite("Data Source=design-time-dashboard.db").Options);
}

/// <summary>For <c>dotnet ef migrations add … --context PostgresDashboardDb --output-dir Identity/Postgres/Migrations</c> (never connects).</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDashboardDb>
{
    public PostgresDashboardDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresDashboardDb>().UseNpgsql("Host=localhost;Database=design-time").Options);
}
