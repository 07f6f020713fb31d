using System.Net;
using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Keys;
using CampaignAdmin.Web.Audit;
using Refit;

namespace CampaignAdmin.Web.Security;

/// <summary>
/// The API keys section's actions, through the API's <c>/v2/keys</c>: Admins only (checked here, on the server), every issue and
/// revoke audited by the key's prefix (never the key). The dashboard's own key cannot be revoked from the dashboard.
/// </summary>
public sealed class ApiKeyAdmin(IApiKeysApi keys, AdminAudit audit)
{
    /// <summary>The company's keys; <c>null</c> when the API has no key endpoints (the vendor's answers 404).</summary>
    public async Task<IReadOnlyList<ApiKeyInfo>?> ListAsync(CancellationToken cancellationToken = default)
    {
        await audit.RequireAsync(Permission.ManageApiKeys, AuditActions.ApiKeysListed, "");
        try
        {
            return (await keys.GetKeysAsync(cancellationToken)).Items;
        }
        catch (ApiException exception) when (exception.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
        {
            return null;
        }
    }

    /// <summary>A new key for the dashboard's company, whole this once: show it, never store or log it.</summary>
    public async Task<ApiKeyInfo> IssueAsync(CancellationToken cancellationToken = default)
    {
        await audit.RequireAsync(Permission.ManageApiKeys, AuditActions.ApiKeyIssued, "");
        var issued = await RunAsync(AuditActions.ApiKeyIssued, "", () => keys.CreateKeyAsync(cancellationToken));
        await audit.WriteAsync(AuditActions.ApiKeyIssued, Target(issued), $"key {issued.Id}");
        return issued;
    }

    public async Task<ApiKeyInfo> RevokeAsync(ApiKeyInfo key, CancellationToken cancellationToken = default)
    {
        await audit.RequireAsync(Permission.ManageApiKeys, AuditActions.ApiKeyRevoked, Target(key));
        if (key.Current)
        {
            const string why = "This is the key the dashboard itself uses: issue a new one, put it in CampaignApi__ApiKey, restart, then revoke this one.";
            await audit.WriteAsync(AuditActions.ApiKeyRevoked, Target(key), why, AuditOutcomes.Refused);
            throw new ActionRefusedException(why);
        }
        var revoked = await RunAsync(AuditActions.ApiKeyRevoked, Target(key),
            () => keys.RevokeKeyAsync(new RevokeApiKeyRequest { Id = key.Id }, cancellationToken));
        await audit.WriteAsync(AuditActions.ApiKeyRevoked, Target(revoked), $"key {revoked.Id}");
        return revoked;
    }

    public static string Target(ApiKeyInfo key) => key.Prefix + "…";

    private async Task<T> RunAsync<T>(string action, string target, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await audit.WriteAsync(action, target, ApiErrors.Describe(exception), AuditOutcomes.Failed);
            throw;
        }
    }
}
