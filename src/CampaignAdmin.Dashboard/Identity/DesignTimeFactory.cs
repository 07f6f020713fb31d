using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CampaignAdmin.Dashboard.Identity;

/// <summary>For <c>dotnet ef migrations add … --context DashboardDb</c>: a context without starting the app.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<DashboardDb>
{
    public DashboardDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<DashboardDb>().UseSqlite("Data Source=design-time-dashboard.db").Options);
}
