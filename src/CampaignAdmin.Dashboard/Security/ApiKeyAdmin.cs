using System.Net;
using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Keys;
using CampaignAdmin.Dashboard.Audit;
using Refit;

namespace CampaignAdmin.Dashboard.Security;

/// <summary>
/// The API keys section's actions, through the API's <c>/v2/keys</c>: Admins only (checked here, on the server), every issue and
/// revoke audited by the key's prefix (never the key). The dashboard's own key cannot be revoked from the dashboard.
/// </summary>
public sealed class ApiKeyAdmin(IApiKeysApi keys, AdminAudit audit, ILogger<ApiKeyAdmin> logger)
{
    public const string NoKeyEndpoints =
        "This Campaign API has no key endpoints (/v2/keys is our extension; the vendor's API does not offer it).";
    public const string KeyCannotManage =
        "The dashboard's own API key may not manage keys. Manage them with the API's keys command on the server, or give the dashboard a key that does.";

    /// <summary>The company's keys, or why they cannot be shown (no key endpoints: 404; the dashboard's key may not: 403).</summary>
    public async Task<(IReadOnlyList<ApiKeyInfo>? Keys, string? Unavailable)> ListAsync(CancellationToken cancellationToken = default)
    {
        await audit.RequireAsync(Permission.ManageApiKeys, AuditActions.ApiKeysListed, "");
        try
        {
            return ((await keys.GetKeysAsync(cancellationToken)).Items, null);
        }
        catch (ApiException exception) when (exception.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
        {
            return (null, NoKeyEndpoints);
        }
        catch (ApiException exception) when (exception.StatusCode is HttpStatusCode.Forbidden)
        {
            return (null, KeyCannotManage);
        }
    }

    /// <summary>
    /// A new key for the dashboard's company, whole this once: show it, never store or log it. <paramref name="managesKeys"/>
    /// for a key that may itself manage keys (a dashboard's); an integration's key need not.
    /// </summary>
    public async Task<ApiKeyInfo> IssueAsync(bool managesKeys, CancellationToken cancellationToken = default)
    {
        await audit.RequireAsync(Permission.ManageApiKeys, AuditActions.ApiKeyIssued, "");
        ApiKeyInfo issued;
        try
        {
            issued = await keys.CreateKeyAsync(new CreateApiKeyRequest { ManagesKeys = managesKeys }, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // An answer that arrived but could not be read may hold the new key: never echo it to the audit log or the page.
            var why = exception is ApiException { StatusCode: >= HttpStatusCode.OK and < HttpStatusCode.MultipleChoices } or System.Text.Json.JsonException
                ? "The API's answer could not be read; if a key was issued, revoke any key you do not recognise."
                : ApiErrors.Describe(exception);
            await audit.WriteAsync(AuditActions.ApiKeyIssued, "", why, AuditOutcomes.Failed);
            throw new ActionRefusedException(why);
        }
        try
        {
            await audit.WriteAsync(AuditActions.ApiKeyIssued, Target(issued), managesKeys ? $"key {issued.Id}, manages keys" : $"key {issued.Id}");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The key exists now: losing it to a failed audit write would leave a working key nobody has. Show it; log the gap.
            logger.LogError(exception, "Issued API key {KeyId} ({Prefix}…) but could not write its audit entry", issued.Id, issued.Prefix);
        }
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
        ApiKeyInfo revoked;
        try
        {
            revoked = await keys.RevokeKeyAsync(new RevokeApiKeyRequest { Id = key.Id }, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await audit.WriteAsync(AuditActions.ApiKeyRevoked, Target(key), ApiErrors.Describe(exception), AuditOutcomes.Failed);
            throw;
        }
        await audit.WriteAsync(AuditActions.ApiKeyRevoked, Target(revoked), $"key {revoked.Id}");
        return revoked;
    }

    public static string Target(ApiKeyInfo key) => key.Prefix + "…";
}
