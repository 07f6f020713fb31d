using CampaignAdmin.Api.Auth;
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
}

internal static class DemoSeeder
{
    public static async Task SeedAsync(CampaignDb db, DemoOptions options, bool isDevelopment, ILogger logger, CancellationToken cancellationToken)
    {
        if (!(options.Seed ?? isDevelopment) || await db.Companies.AnyAsync(cancellationToken)) return;

        var key = !string.IsNullOrEmpty(options.ApiKey) ? options.ApiKey : isDevelopment ? DemoOptions.DevelopmentApiKey : null;
        var now = DateTimeOffset.UtcNow;
        var company = new Company { Name = options.CompanyName, CreatedAt = now };
        db.Companies.Add(company);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var (id, status, request) in DemoTemplates.All)
            db.Templates.Add(request.ToEntity(company.Id, id, status, now));
        await db.SaveChangesAsync(cancellationToken);

        if (key is not null) await ApiKeys.AddAsync(db, company.Id, key, cancellationToken);
        else logger.LogWarning("Seeded the demo company without an API key: set Demo:ApiKey, or create one with 'keys create'");
        logger.LogInformation("Seeded demo company {Company} with {Count} templates", company.Name, DemoTemplates.All.Count);
    }
}
