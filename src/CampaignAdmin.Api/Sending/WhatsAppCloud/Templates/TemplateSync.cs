using CampaignAdmin.Api.Data;
using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Contracts.Wire;
using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.Api.Sending.WhatsAppCloud.Templates;

/// <summary>
/// Reads the business account's templates from Meta, every page, and brings them into every company (one business
/// account serves this deployment): a template of the same name and language is updated (status, category,
/// components), a new one is added. One sync runs at a time in a process; the last report is kept for the dashboard.
/// </summary>
public sealed class TemplateSync(GraphApi graph, IDbContextFactory<CampaignDb> contexts, TimeProvider clock, ILogger<TemplateSync> logger) : IDisposable
{
    /// <summary>
    /// 60 pages of <see cref="GraphApi.TemplatePageSize"/> (100): 6,000 templates, the most Meta lets one business account
    /// hold. A list that goes on (a cursor that never ends) stops there and the report says so.
    /// </summary>
    public const int MaxPages = 60;

    public const int MaxTemplates = MaxPages * GraphApi.TemplatePageSize;

    private readonly SemaphoreSlim _one = new(1, 1);

    public TemplateSyncReport Last { get; private set; } = new();

    /// <summary>Syncs; a Graph API failure is <see cref="TemplateCallException"/> (recorded in <see cref="Last"/>).</summary>
    public async Task<TemplateSyncReport> SyncAsync(CancellationToken cancellationToken)
    {
        await _one.WaitAsync(cancellationToken);
        try
        {
            var report = new TemplateSyncReport();
            var templates = await ReadAllAsync(report, cancellationToken);
            await StoreAsync(templates, report, cancellationToken);
            report.SyncedAt = WireTime.Format(clock.GetUtcNow());
            Last = report;
            logger.LogInformation("Synced {Count} WhatsApp templates ({Pages} pages): {Added} added, {Updated} updated, {Skipped} skipped",
                report.Templates, report.Pages, report.Added, report.Updated, report.Skipped);
            return report;
        }
        catch (TemplateCallException failure)
        {
            Last = new TemplateSyncReport { SyncedAt = Last.SyncedAt, LastError = failure.Message };
            throw;
        }
        finally
        {
            _one.Release();
        }
    }

    private async Task<List<Template>> ReadAllAsync(TemplateSyncReport report, CancellationToken cancellationToken)
    {
        var read = new List<Template>();
        var seen = new HashSet<(string, string)>();
        string? after = null;
        while (true)
        {
            var page = await graph.ListTemplatesAsync(after, cancellationToken);
            report.Pages++;
            foreach (var meta in page.Data ?? [])
            {
                if (read.Count >= MaxTemplates) break;
                if (ToTemplate(meta) is not { } template || !seen.Add((template.Name, template.Language))) { report.Skipped++; continue; }
                read.Add(template);
            }
            after = page.Paging?.Cursors?.After;
            if (string.IsNullOrEmpty(page.Paging?.Next) || string.IsNullOrEmpty(after)) break;
            if (report.Pages >= MaxPages || read.Count >= MaxTemplates)
            {
                report.Truncated = $"stopped after {report.Pages} pages and {read.Count} templates";
                logger.LogWarning("The WhatsApp template list goes on past {Pages} pages; synced the first {Count} templates", report.Pages, read.Count);
                break;
            }
        }
        report.Templates = read.Count;
        return read;
    }

    /// <summary>A template row without company or id, or null for one our builder cannot send.</summary>
    private Template? ToTemplate(MetaTemplate? meta)
    {
        if (meta?.Name is not { Length: > 0 and <= 512 } name || meta.Language is not { Length: > 0 and <= 32 } language) return null;
        var creation = MetaTemplateMapping.ToOurs(meta.Components);
        if (!MetaTemplateMapping.HasBody(creation)) return null;
        var request = new CreateTemplateRequest { Name = name, Language = MetaTemplateStatus.Language(language), Category = meta.Category ?? "", Creation = creation };
        var status = MetaTemplateStatus.ToOurs(meta.Status) ?? TemplateStatus.Pending;
        return Api.Templates.TemplateMapping.ToEntity(request, 0, "", status, clock.GetUtcNow());
    }

    private async Task StoreAsync(List<Template> templates, TemplateSyncReport report, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var companies = await db.Companies.Select(c => c.Id).ToListAsync(cancellationToken);
        var existing = (await db.Templates.ToListAsync(cancellationToken)).ToDictionary(t => (t.CompanyId, t.Name, t.Language));
        foreach (var company in companies)
            foreach (var template in templates)
            {
                if (existing.TryGetValue((company, template.Name, template.Language), out var ours))
                {
                    if (ours.Status == template.Status && ours.Category == template.Category && ours.Creation == template.Creation) continue;
                    (ours.Status, ours.Category, ours.Creation, ours.Compose, ours.Variables) =
                        (template.Status, template.Category, template.Creation, template.Compose, template.Variables);
                    report.Updated++;
                }
                else
                {
                    db.Templates.Add(new Template
                    {
                        Id = Guid.NewGuid().ToString(), CompanyId = company, Name = template.Name, Category = template.Category,
                        Language = template.Language, Status = template.Status, Creation = template.Creation,
                        Compose = template.Compose, Variables = template.Variables, CreatedAt = template.CreatedAt,
                    });
                    report.Added++;
                }
            }
        await db.SaveChangesAsync(cancellationToken);
    }

    public void Dispose() => _one.Dispose();
}
