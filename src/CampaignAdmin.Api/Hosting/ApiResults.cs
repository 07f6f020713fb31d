using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Wire;

namespace CampaignAdmin.Api.Hosting;

/// <summary>The vendor's wire: <c>{"Error":"…"}</c> bodies and Go field names, through one JSON options instance.</summary>
public static class ApiResults
{
    public static IResult Error(int statusCode, string error) =>
        TypedResults.Json(new ErrorResponse(error), CampaignJson.Options, statusCode: statusCode);

    public static IResult BadRequest(string error) => Error(StatusCodes.Status400BadRequest, error);

    public static IResult NotFound(string error) => Error(StatusCodes.Status404NotFound, error);

    public static IResult Ok<T>(T value) => TypedResults.Json(value, CampaignJson.Options);

    public static Task WriteErrorAsync(HttpContext context, int statusCode, string error)
    {
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(new ErrorResponse(error), CampaignJson.Options);
    }
}
