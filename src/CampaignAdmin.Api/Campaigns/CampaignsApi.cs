using CampaignAdmin.Api.Auth;
using CampaignAdmin.Api.Hosting;
using CampaignAdmin.Contracts.Campaigns;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CampaignAdmin.Api.Campaigns;

/// <summary>The vendor's six campaign endpoints under <c>/v2/campaign</c> (docs/WIRE.md; our query extensions in docs/EXTENSIONS.md).</summary>
public static class CampaignsApi
{
    public static RouteGroupBuilder MapCampaignsApi(this RouteGroupBuilder v2)
    {
        var group = v2.MapGroup("/campaign");
        group.MapPost("/create", CreateAsync).WithVendorBody(CreateBody.Read);
        // The field rules come after the vendor's own answers (not found, not scheduled), so the handler runs them.
        group.MapPut("/update", CampaignChanges.UpdateAsync).WithVendorBody<UpdateCampaignRequest>(validate: false);
        group.MapDelete("/delete", CampaignChanges.DeleteAsync).WithVendorBody<DeleteCampaignRequest>();
        group.MapGet("/getAll", CampaignLists.GetAllAsync);
        group.MapGet("/getCampMsgs", CampaignLists.GetMessagesAsync);
        group.MapPost("/resendMsg", ResendMessage.HandleAsync).WithVendorBody<ResendCampaignMessageRequest>();
        return group;
    }

    /// <summary>The create rules need the template the request names, so <see cref="CampaignCreator"/> runs them.</summary>
    private static async Task<Results<Ok<CampaignResponse>, BadRequest<ErrorResponse>>> CreateAsync(
        Body<CreateBody> body, Tenant tenant, CampaignCreator creator, CancellationToken cancellationToken)
    {
        var result = await creator.CreateAsync(tenant.CompanyId, body.Value, cancellationToken);
        return result.Error is { } error ? ApiResults.BadRequest(error) : TypedResults.Ok(result.Campaign!);
    }
}
