using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CampaignAdmin.Api.Data;

/// <summary>For <c>dotnet ef migrations add … --context CampaignDb --output-dir Data/Migrations</c>: a context without starting the app.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CampaignDb>
{
    public CampaignDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CampaignDb>().UseSqlite("Data Source=design-time.db").Options);
}
