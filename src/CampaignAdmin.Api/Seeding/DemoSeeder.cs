using CampaignAdmin.Api.Auth;
using CampaignAdmin.Api.Campaigns;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Templates;
using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.Api.Seeding;

/// <summary>
/// The <c>Demo</c> configuration section. An empty database gets the demo company in Development, or anywhere
/// when <c>Demo:Seed</c> is true; its key is <c>Demo:ApiKey</c>. Only Development has a default key.
/// </summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Documented development default; never seeded outside Development.</summary>
    public const string DevelopmentApiKey = "ca_demo_development_key_do_not_use_in_production";

    public bool? Seed { get; set; }

    public string ApiKey { get; set; } = "";

    public string CompanyName { get; set; } = "Demo Company";

    /// <summary>Whether the demo company also gets a few campaigns, sent by the sandbox (the dashboard turns this on).</summary>
    public bool Campaigns { get; set; }
}

internal static class DemoSeeder
{
    /// <summary>Seeds the demo company into an empty database where configured; returns its ID, or null when nothing was seeded.</summary>
    public static async Task<int?> SeedAsync(CampaignDb db, DemoOptions options, bool isDevelopment, ILogger logger, CancellationToken cancellationToken)
    {
        if (!(options.Seed ?? isDevelopment) || await db.Companies.AnyAsync(cancellationToken)) return null;

        var key = !string.IsNullOrEmpty(options.ApiKey) ? options.ApiKey : isDevelopment ? DemoOptions.DevelopmentApiKey : null;
        var now = DateTimeOffset.UtcNow;
        var company = new Company { Name = options.CompanyName, CreatedAt = now };
        db.Companies.Add(company);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var (id, status, request) in DemoTemplates.All)
            db.Templates.Add(request.ToEntity(company.Id, id, status, now));
        await db.SaveChangesAsync(cancellationToken);

        if (key is not null) await ApiKeys.AddAsync(db, company.Id, key, managesKeys: true, cancellationToken);
        else logger.LogWarning("Seeded the demo company without an API key: set Demo:ApiKey, or create one with 'keys create'");
        logger.LogInformation("Seeded demo company {Company} with {Count} templates", company.Name, DemoTemplates.All.Count);
        return company.Id;
    }

    /// <summary>Creates the demo campaigns the way <c>POST /create</c> does; the dispatcher sends them once it starts.</summary>
    public static async Task SeedCampaignsAsync(CampaignCreator creator, int companyId, DateTimeOffset now, ILogger logger, CancellationToken cancellationToken)
    {
        var created = 0;
        foreach (var request in DemoCampaigns.For(now))
        {
            var result = await creator.CreateAsync(companyId, request, cancellationToken);
            // Demo data must not stop the product from starting; the tests hold the demo campaigns to the rules.
            if (result.Error is null) created++;
            else logger.LogError("Demo campaign {Name} was refused: {Error}", request.Name, result.Error);
        }
        logger.LogInformation("Seeded {Count} demo campaigns", created);
    }
}
