using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Hosting;
using CampaignAdmin.Contracts.Validation;
using CampaignAdmin.Contracts.Wire;

namespace CampaignAdmin.Api.Auth;

/// <summary>Every <c>/v2</c> call needs a valid <c>X-API-Key</c>; the company it names scopes everything the call sees.</summary>
/// <remarks>A client that sent too many wrong keys is refused for a while before its key is looked at (<see cref="FailedKeyAttempts"/>).</remarks>
public sealed class ApiKeyFilter(CampaignDb db, FailedKeyAttempts failures) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[WireHeaders.ApiKey].ToString();
        if (string.IsNullOrEmpty(key)) return ApiResults.Error(StatusCodes.Status401Unauthorized, ErrorTexts.MissingApiKey);
        if (failures.Refusal(http) is { } refused) return refused;

        if (key.Length > 256 || await ApiKeys.FindAsync(db, key, http.RequestAborted) is not { } found)
        {
            failures.RecordFailure(http);
            return ApiResults.Error(StatusCodes.Status401Unauthorized, ErrorTexts.InvalidApiKey);
        }

        http.Items[typeof(Tenant)] = found;
        return await next(context);
    }
}

/// <summary>
/// The calling company, as a handler parameter. Binding runs before endpoint filters, so the company is read
/// when the handler uses it, after <see cref="ApiKeyFilter"/> has set it.
/// </summary>
public sealed class Tenant(HttpContext context)
{
    public int CompanyId => Key.CompanyId;

    /// <summary>The key the request came with.</summary>
    public CallerKey Key => context.Items[typeof(Tenant)] as CallerKey
        ?? throw new InvalidOperationException("The route is not behind ApiKeyFilter.");

    public static ValueTask<Tenant?> BindAsync(HttpContext context) => ValueTask.FromResult<Tenant?>(new Tenant(context));
}
