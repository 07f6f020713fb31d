using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Hosting;
using CampaignAdmin.Contracts.Keys;
using CampaignAdmin.Contracts.Validation;
using CampaignAdmin.Contracts.Wire;
using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.Api.Auth;

/// <summary>
/// Our extension under <c>/v2/keys</c>: a company lists, issues and revokes its own keys with any working key of its own
/// (keys carry no scopes, so this gives a key holder nothing it did not have). A new key is returned once and only its hash
/// is stored; the key making the request cannot revoke itself, so a caller cannot lock itself out by mistake.
/// </summary>
public static class KeysApi
{
    public static RouteGroupBuilder MapKeysApi(this RouteGroupBuilder v2)
    {
        var group = v2.MapGroup("/keys");
        group.MapGet("", ListAsync);
        group.MapPost("/create", CreateAsync);
        group.MapPost("/revoke", RevokeAsync);
        return group;
    }

    private static async Task<IResult> ListAsync(HttpContext http, Tenant tenant, CampaignDb db)
    {
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.CompanyId == tenant.CompanyId).OrderBy(k => k.Id).ToListAsync(http.RequestAborted);
        return ApiResults.Ok(keys.Select(k => Info(k, tenant)).ToList());
    }

    private static async Task<IResult> CreateAsync(HttpContext http, Tenant tenant, CampaignDb db)
    {
        var key = ApiKeys.Generate();
        var row = await ApiKeys.AddAsync(db, tenant.CompanyId, key, http.RequestAborted);
        var info = Info(row, tenant);
        info.Key = key;
        return ApiResults.Ok(info);
    }

    private static async Task<IResult> RevokeAsync(HttpContext http, Tenant tenant, CampaignDb db, TimeProvider clock)
    {
        var (request, error) = await JsonBody.ReadAsync<RevokeApiKeyRequest>(http);
        if (error is not null) return error;
        if (request!.Id <= 0) return ApiResults.BadRequest(ErrorTexts.IdRequired);
        var row = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == request.Id && k.CompanyId == tenant.CompanyId, http.RequestAborted);
        if (row is null) return ApiResults.NotFound(ErrorTexts.ApiKeyNotFound);
        if (row.Id == tenant.KeyId) return ApiResults.BadRequest(ErrorTexts.CannotRevokeOwnKey);
        // Revoking twice keeps the first time.
        row.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(http.RequestAborted);
        return ApiResults.Ok(Info(row, tenant));
    }

    private static ApiKeyInfo Info(ApiKey key, Tenant tenant) => new()
    {
        Id = key.Id,
        Prefix = key.Prefix,
        CreatedAt = WireTime.Format(key.CreatedAt),
        RevokedAt = WireTime.Format(key.RevokedAt) ?? "",
        Current = key.Id == tenant.KeyId,
    };
}
