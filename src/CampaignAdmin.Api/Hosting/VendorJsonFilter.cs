using CampaignAdmin.Contracts.Wire;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CampaignAdmin.Api.Hosting;

/// <summary>
/// Writes the handlers' <c>Ok</c>, <c>BadRequest</c> and <c>NotFound</c> results through <see cref="CampaignJson.Options"/>
/// (Go field names, Arabic and <c>+</c> unescaped; docs/WIRE.md) instead of the host's HTTP JSON options: a dashboard that
/// embeds the API keeps its own. Other results, such as <see cref="JsonHttpResult{TValue}"/>, already choose their writer.
/// </summary>
public sealed class VendorJsonFilter : IEndpointFilter
{
    private static readonly HashSet<Type> ValueResults = [typeof(Ok<>), typeof(BadRequest<>), typeof(NotFound<>)];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (result is INestedHttpResult nested) result = nested.Result;
        return result is IValueHttpResult { Value: { } value } and IStatusCodeHttpResult { StatusCode: { } status }
               && result.GetType() is { IsGenericType: true } type && ValueResults.Contains(type.GetGenericTypeDefinition())
            ? TypedResults.Json(value, CampaignJson.Options, statusCode: status)
            : result;
    }
}
