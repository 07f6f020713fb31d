using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Wire;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CampaignAdmin.Api.Hosting;

/// <summary>The vendor's error bodies, <c>{"Error":"…"}</c> (docs/WIRE.md), as typed results and for middleware.</summary>
public static class ApiResults
{
    public static BadRequest<ErrorResponse> BadRequest(string error) => TypedResults.BadRequest(new ErrorResponse(error));

    public static NotFound<ErrorResponse> NotFound(string error) => TypedResults.NotFound(new ErrorResponse(error));

    /// <summary>Any other status with an error body (401, 403, 413, 502): no typed result carries a body for those.</summary>
    public static JsonHttpResult<ErrorResponse> Error(int statusCode, string error) =>
        TypedResults.Json(new ErrorResponse(error), CampaignJson.Options, statusCode: statusCode);

    public static Task WriteErrorAsync(HttpContext context, int statusCode, string error)
    {
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(new ErrorResponse(error), CampaignJson.Options);
    }
}
