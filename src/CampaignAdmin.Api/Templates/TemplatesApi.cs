using CampaignAdmin.Api.Auth;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Hosting;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Templates;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.Api.Templates;

/// <summary>
/// [extension] <c>/v2/whatsapp/templates</c>: the company's templates. A new one goes through <see cref="ITemplateSubmission"/>:
/// the sandbox approves it at once, WhatsApp reviews it (PENDING until its webhook says otherwise).
/// </summary>
public static class TemplatesApi
{
    public const string DuplicateTemplate = "invalid request: a template with this name and language already exists";

    public static RouteGroupBuilder MapTemplatesApi(this RouteGroupBuilder v2)
    {
        var group = v2.MapGroup("/whatsapp/templates");
        group.MapGet("", ListAsync);
        group.MapPost("", CreateAsync).WithVendorBody<CreateTemplateRequest>(request => request.Normalize());
        return group;
    }

    private static async Task<Ok<List<TemplateDto>>> ListAsync(Tenant tenant, CampaignDb db, CancellationToken cancellationToken)
    {
        var templates = await db.Templates.AsNoTracking()
            .Where(t => t.CompanyId == tenant.CompanyId)
            .OrderBy(t => t.Name).ThenBy(t => t.Language)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(templates.Select(t => t.ToDto()).ToList());
    }

    /// <summary>The body passed <c>CreateTemplateRequestValidator</c> in the filter; a name is unique per language.</summary>
    private static async Task<Results<Ok<TemplateDto>, BadRequest<ErrorResponse>, JsonHttpResult<ErrorResponse>>> CreateAsync(
        Body<CreateTemplateRequest> body, Tenant tenant, CampaignDb db, ITemplateSubmission submission, TimeProvider clock, CancellationToken cancellationToken)
    {
        var request = body.Value;
        var name = request.Name.Trim();
        if (await db.Templates.AnyAsync(t => t.CompanyId == tenant.CompanyId && t.Name == name && t.Language == request.Language, cancellationToken))
            return ApiResults.BadRequest(DuplicateTemplate);

        var submitted = await submission.SubmitAsync(request, cancellationToken);
        if (submitted.Refusal.Length > 0) return ApiResults.BadRequest(submitted.Refusal);
        if (submitted.Failure.Length > 0) return ApiResults.Error(StatusCodes.Status502BadGateway, submitted.Failure);

        var template = request.ToEntity(tenant.CompanyId, Guid.NewGuid().ToString(), submitted.Status, clock.GetUtcNow());
        db.Templates.Add(template);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(template.ToDto());
    }
}
