using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Hosting;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Keys;
using CampaignAdmin.Contracts.Validation;
using CampaignAdmin.Contracts.Wire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CampaignAdmin.Api.Auth;

/// <summary>
/// Our extension under <c>/v2/keys</c>: a company lists, issues and revokes its own keys. Only a key that manages keys may
/// (the CLI's and the demo seed's do; a key issued here manages keys only when asked for): a leaked integration key can
/// neither mint keys that outlive it nor revoke the dashboard's. A new key is returned once and only its hash is stored;
/// the key making the request cannot revoke itself, and a company has at most <see cref="MaxWorkingKeys"/> working keys.
/// </summary>
public static class KeysApi
{
    public const int MaxWorkingKeys = 25;

    public static RouteGroupBuilder MapKeysApi(this RouteGroupBuilder v2)
    {
        var group = v2.MapGroup("/keys").AddEndpointFilter(async (context, next) =>
            new Tenant(context.HttpContext).Key.ManagesKeys
                ? await next(context)
                : ApiResults.Error(StatusCodes.Status403Forbidden, ErrorTexts.KeyMayNotManageKeys));
        group.MapGet("", ListAsync);
        group.MapPost("/create", CreateAsync).WithVendorBody<CreateApiKeyRequest>();
        group.MapPost("/revoke", RevokeAsync).WithVendorBody<RevokeApiKeyRequest>();
        return group;
    }

    private static async Task<Ok<List<ApiKeyInfo>>> ListAsync(Tenant tenant, CampaignDb db, CancellationToken cancellationToken)
    {
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.CompanyId == tenant.CompanyId).OrderBy(k => k.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(keys.Select(k => Info(k, tenant)).ToList());
    }

    private static async Task<Results<Ok<ApiKeyInfo>, BadRequest<ErrorResponse>>> CreateAsync(
        Body<CreateApiKeyRequest> body, Tenant tenant, CampaignDb db, CampaignWriteGate gate, StoreSql sql, CancellationToken cancellationToken)
    {
        await using var transaction = await CompanyTurnAsync(tenant, db, gate, sql, cancellationToken);
        var working = await db.ApiKeys.CountAsync(k => k.CompanyId == tenant.CompanyId && k.RevokedAt == null, cancellationToken);
        if (working >= MaxWorkingKeys) return ApiResults.BadRequest(ErrorTexts.TooManyKeys);
        var key = ApiKeys.Generate();
        var row = await ApiKeys.AddAsync(db, tenant.CompanyId, key, body.Value.ManagesKeys, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var info = Info(row, tenant);
        info.Key = key;
        return TypedResults.Ok(info);
    }

    /// <summary>401 if the caller's own key was revoked meanwhile: no typed result carries a body for it.</summary>
    private static async Task<Results<Ok<ApiKeyInfo>, BadRequest<ErrorResponse>, NotFound<ErrorResponse>, JsonHttpResult<ErrorResponse>>> RevokeAsync(
        Body<RevokeApiKeyRequest> body, Tenant tenant, CampaignDb db, CampaignWriteGate gate, StoreSql sql, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var request = body.Value;
        if (request.Id <= 0) return ApiResults.BadRequest(ErrorTexts.IdRequired);
        var caller = tenant.Key.KeyId;
        if (request.Id == caller) return ApiResults.BadRequest(ErrorTexts.CannotRevokeOwnKey);

        // Only while the caller's own key still works, under the company's lock: two keys revoking each other at once cannot
        // both succeed and leave the company without a key (on PostgreSQL each statement alone would see the other key
        // still working).
        await using var transaction = await CompanyTurnAsync(tenant, db, gate, sql, cancellationToken);
        var now = clock.GetUtcNow();
        await db.ApiKeys
            .Where(k => k.Id == request.Id && k.CompanyId == tenant.CompanyId && k.RevokedAt == null
                && db.ApiKeys.Any(c => c.Id == caller && c.RevokedAt == null))
            .ExecuteUpdateAsync(set => set.SetProperty(k => k.RevokedAt, now), cancellationToken);

        var row = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == request.Id && k.CompanyId == tenant.CompanyId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (row is null) return ApiResults.NotFound(ErrorTexts.ApiKeyNotFound);
        if (row.RevokedAt is null) return ApiResults.Error(StatusCodes.Status401Unauthorized, ErrorTexts.InvalidApiKey); // the caller was revoked meanwhile
        // Revoking twice keeps the first time.
        return TypedResults.Ok(Info(row, tenant));
    }

    /// <summary>A write turn with the company's row locked (<see cref="StoreSql.LockCompany"/>) until the transaction ends.</summary>
    private static async Task<IDbContextTransaction> CompanyTurnAsync(Tenant tenant, CampaignDb db, CampaignWriteGate gate, StoreSql sql,
        CancellationToken cancellationToken)
    {
        var transaction = await gate.BeginTransactionAsync(db.Database, cancellationToken);
        try
        {
            sql.LockCompany(db.Database.GetDbConnection(), transaction.GetDbTransaction(), tenant.CompanyId);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    private static ApiKeyInfo Info(ApiKey key, Tenant tenant) => new()
    {
        Id = key.Id,
        Prefix = key.Prefix,
        CreatedAt = WireTime.Format(key.CreatedAt),
        RevokedAt = WireTime.Format(key.RevokedAt) ?? "",
        ManagesKeys = key.ManagesKeys,
        Current = key.Id == tenant.Key.KeyId,
    };
}
