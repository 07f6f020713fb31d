using CampaignAdmin.Api.Auth;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Hosting;
using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Contracts.Validation;
using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.Api.Templates;

/// <summary>[extension] <c>/v2/whatsapp/templates</c>: the company's templates; the sandbox approves new ones at once.</summary>
public static class TemplatesApi
{
    public const string DuplicateTemplate = "invalid request: a template with this name and language already exists";

    private static readonly CreateTemplateRequestValidator Validator = new();

    public static RouteGroupBuilder MapTemplatesApi(this RouteGroupBuilder v2)
    {
        var group = v2.MapGroup("/whatsapp/templates");
        group.MapGet("", ListAsync);
        group.MapPost("", CreateAsync);
        return group;
    }

    private static async Task<IResult> ListAsync(HttpContext http, Tenant tenant, CampaignDb db)
    {
        var templates = await db.Templates.AsNoTracking()
            .Where(t => t.CompanyId == tenant.CompanyId)
            .OrderBy(t => t.Name).ThenBy(t => t.Language)
            .ToListAsync(http.RequestAborted);
        return ApiResults.Ok(templates.Select(t => t.ToDto()).ToList());
    }

    private static async Task<IResult> CreateAsync(HttpContext http, Tenant tenant, CampaignDb db, TimeProvider clock)
    {
        var (request, error) = await JsonBody.ReadAsync<CreateTemplateRequest>(http);
        if (error is not null) return error;
        var validation = await Validator.ValidateAsync(request!.Normalize(), http.RequestAborted);
        if (!validation.IsValid) return ApiResults.BadRequest(validation.Errors[0].ErrorMessage);

        var name = request.Name.Trim();
        if (await db.Templates.AnyAsync(t => t.CompanyId == tenant.CompanyId && t.Name == name && t.Language == request.Language, http.RequestAborted))
            return ApiResults.BadRequest(DuplicateTemplate);

        var template = request.ToEntity(tenant.CompanyId, Guid.NewGuid().ToString(), TemplateStatus.Approved, clock.GetUtcNow());
        db.Templates.Add(template);
        await db.SaveChangesAsync(http.RequestAborted);
        return ApiResults.Ok(template.ToDto());
    }
}
