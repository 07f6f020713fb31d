using System.Security.Cryptography;
using System.Text.Json;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Hosting;
using CampaignAdmin.Api.Sending;
using CampaignAdmin.Api.Templates;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Contracts.Validation;
using CampaignAdmin.Contracts.Wire;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace CampaignAdmin.Api.Campaigns;

/// <summary>Creates a campaign: the create rules of docs/WIRE.md in order, the template's auto-fill, and one message per client.</summary>
public sealed class CampaignCreator(CampaignDb db, StoreSql sql, CampaignWriteGate gate, DispatcherSignal dispatcher, MessageEvents events,
    CreateActivity activity, IOptions<CampaignRules> rules, TimeProvider clock)
{
    /// <summary>
    /// Up to this many clients the answer echoes them (E.164), as the vendor's struct has them; above, <c>Clients</c> is
    /// <c>[]</c> and <c>Total</c> says how many were stored (docs/DECISIONS.md): a million echoed clients are 70 MB nobody reads.
    /// </summary>
    public const int EchoedClientsMax = 1_000;

    public sealed record Result(CampaignResponse? Campaign, string? Error);

    public Task<Result> CreateAsync(int companyId, CreateCampaignRequest request, CancellationToken cancellationToken) =>
        CreateAsync(companyId, CreateBody.Of(request), cancellationToken);

    internal async Task<Result> CreateAsync(int companyId, CreateBody body, CancellationToken cancellationToken)
    {
        var (request, clients) = (body.Request, body.Clients);
        using var span = ApiTelemetry.Source.StartActivity("create campaign");
        span?.SetTag("campaignadmin.clients", clients.Count);
        activity.Begin(clients.Count);
        var template = await FindTemplateAsync(companyId, request.TempMsgId, cancellationToken);
        var catalog = new TemplateCatalog(template is null ? [] : [template]);
        // Rules 1–8 here; rule 9 (the numbers) as the messages are written, chunk by chunk, still the last rule checked.
        var region = rules.Value.DefaultRegion;
        var validator = new CreateCampaignRequestValidator(catalog, CampaignRuleOptions.Api with { DefaultRegion = region, CheckAccountIds = false });
        var validation = await validator.ValidateAsync(ValidationCancellation.For(request, cancellationToken), cancellationToken);
        if (!validation.IsValid) return new Result(null, validation.Errors[0].ErrorMessage);

        var now = clock.GetUtcNow();
        var campaign = NewCampaign(companyId, request, clients.Count, template, now);
        var echo = clients.Count <= EchoedClientsMax ? new string?[clients.Count] : null;
        var writer = new CampaignWriter(db, sql, gate);
        if (await writer.WriteAsync(campaign, clients, new AccountNumbers(clients, region, clock), echo, cancellationToken) is { } error)
            return new Result(null, error);

        span?.SetTag("campaignadmin.campaign.id", campaign.Id);
        events.Know(campaign.Id, companyId);
        events.Raise(new MessageStatusChanged(companyId, campaign.Id, null, null, 0));
        // Sending: start now; scheduled: the dispatcher sets its timer for the new SendAt.
        dispatcher.Wake();
        var echoed = echo is null ? null : clients.ToList().Select((client, i) => new CampaignClient { AccountId = echo[i]!, Params = client.Params }).ToList();
        return new Result(campaign.ToResponse(echoed), null);
    }

    private async Task<TemplateDto?> FindTemplateAsync(int companyId, string id, CancellationToken cancellationToken)
    {
        // No template ID holds a NUL (which PostgreSQL's text cannot even be compared with).
        if (string.IsNullOrWhiteSpace(id) || id.Contains('\0', StringComparison.Ordinal)) return null;
        var key = id.Trim().ToLowerInvariant();
        var template = await db.Templates.AsNoTracking()
            .FirstOrDefaultAsync(t => t.CompanyId == companyId && t.Id == key, cancellationToken);
        // The validator names it by the ID the caller wrote.
        if (template is null) return null;
        var dto = template.ToDto();
        dto.Id = id;
        return dto;
    }

    internal static Campaign NewCampaign(int companyId, CreateCampaignRequest request, int total, TemplateDto? template, DateTimeOffset now)
    {
        var json = !string.IsNullOrWhiteSpace(request.Json) ? request.Json : template?.Compose ?? "";
        var message = string.IsNullOrEmpty(request.Message) && template is not null ? template.BodyText : request.Message;
        var scheduled = SendAtFormat.TryParse(request.SendAt, out var sendAt) && sendAt > now;
        var (templateName, language) = template is not null ? (template.Name, template.Language) : NameAndLanguageOf(json);
        return new Campaign
        {
            CompanyId = companyId,
            Name = request.Name.Trim(),
            TemplateId = template is null ? "" : template.Id.Trim().ToLowerInvariant(),
            TemplateName = templateName,
            Lang = language,
            Message = message,
            Json = json,
            SendAtText = string.IsNullOrEmpty(request.SendAt) ? WireTime.Format(now) : request.SendAt,
            SendAt = string.IsNullOrEmpty(request.SendAt) ? now : sendAt,
            Status = scheduled ? CampaignStatus.Scheduled : CampaignStatus.Sending,
            Total = total,
            ReportHeaders = JsonSerializer.Serialize(ReportHeaders(template, json), CampaignJson.Options),
            SocketKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(),
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>The report's columns: AccountID, one per template variable, Status, Error.</summary>
    private static List<string> ReportHeaders(TemplateDto? template, string json)
    {
        var variables = template is not null && template.Variables.Count > 0
            ? template.Variables.Select(v => v.Label)
            : Variables.Distinct(json).Select(token => $"{{{{{token}}}}}");
        return ["AccountID", .. variables, "Status", "Error"];
    }

    /// <summary>A raw send JSON still names its template; a malformed one names nothing.</summary>
    private static (string Name, string Language) NameAndLanguageOf(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var template = document.RootElement.GetProperty("template");
            var name = template.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
            var language = template.TryGetProperty("language", out var l) && l.ValueKind == JsonValueKind.Object
                           && l.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString()! : "";
            return (name, language);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return ("", "");
        }
    }
}
