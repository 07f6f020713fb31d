using CampaignAdmin.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.Api.Auth;

/// <summary>
/// <c>keys create --company "NAME"</c>, <c>keys list</c>, <c>keys revoke ID|PREFIX</c>: manage API keys with the same
/// configuration as the server. A new key is printed once, alone on the last line; only its hash is stored.
/// </summary>
internal static class KeysCommand
{
    private const string Usage = """
        usage:
          keys create --company "NAME"     create a company and print its new API key (last line)
          keys create --company-id N       print a further key for an existing company
          keys list                        list keys (prefix, company, created, revoked)
          keys revoke ID|PREFIX            revoke a key
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0) return Fail(Usage);
        var (command, rest) = (args[0], args[1..]);
        var configurationArgs = rest.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=')).ToArray();

        var builder = WebApplication.CreateBuilder(configurationArgs);
        builder.Logging.ClearProviders();
        builder.Services.AddCampaignData(CampaignDatabase.Read(builder.Configuration, builder.Environment.ContentRootPath));
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CampaignDb>>().CreateDbContextAsync();
        await db.Database.MigrateAsync();

        return command switch
        {
            "create" => await CreateAsync(db, rest),
            "list" => await ListAsync(db),
            "revoke" when rest.Length > 0 => await RevokeAsync(db, rest[0]),
            _ => Fail(Usage),
        };
    }

    private static async Task<int> CreateAsync(CampaignDb db, string[] args)
    {
        var name = Option(args, "--company");
        var idText = Option(args, "--company-id");
        Company? company;
        if (!string.IsNullOrWhiteSpace(name))
        {
            company = new Company { Name = name.Trim(), CreatedAt = DateTimeOffset.UtcNow };
            db.Companies.Add(company);
            await db.SaveChangesAsync();
        }
        else if (int.TryParse(idText, out var id))
        {
            company = await db.Companies.FindAsync(id);
            if (company is null) return Fail($"no company with ID {id}");
        }
        else
        {
            return Fail(Usage);
        }

        var key = ApiKeys.Generate();
        var row = await ApiKeys.AddAsync(db, company.Id, key, managesKeys: true);
        Console.WriteLine($"company {company.Id} \"{company.Name}\", key {row.Id} ({row.Prefix}…). Store this key now; it is not shown again:");
        Console.WriteLine(key);
        return 0;
    }

    private static async Task<int> ListAsync(CampaignDb db)
    {
        var keys = await db.ApiKeys.AsNoTracking().Include(k => k.Company).OrderBy(k => k.Id).ToListAsync();
        Console.WriteLine("ID\tPREFIX\tCOMPANY\tCREATED\tREVOKED");
        foreach (var key in keys)
            Console.WriteLine($"{key.Id}\t{key.Prefix}…\t{key.CompanyId} {key.Company?.Name}\t{key.CreatedAt:u}\t{(key.RevokedAt is { } r ? r.ToString("u") : "-")}");
        return 0;
    }

    private static async Task<int> RevokeAsync(CampaignDb db, string which)
    {
        var keys = int.TryParse(which, out var id)
            ? await db.ApiKeys.Where(k => k.Id == id).ToListAsync()
            : await db.ApiKeys.Where(k => k.Prefix == which.TrimEnd('…')).ToListAsync();
        if (keys.Count != 1) return Fail(keys.Count == 0 ? $"no key {which}" : $"{which} names {keys.Count} keys; use the ID");
        keys[0].RevokedAt ??= DateTimeOffset.UtcNow;
        await db.SaveChangesAsync();
        Console.WriteLine($"revoked key {keys[0].Id} ({keys[0].Prefix}…)");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
