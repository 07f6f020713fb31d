using System.Net;
using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Wire;
using CampaignAdmin.Dashboard.Components.Campaigns.List;
using CampaignAdmin.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Refit;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>Issue 9: what the API refuses is said on the page that needed it, with the setting to check; never "no campaigns".</summary>
public sealed class RefusedApiTests : DashboardTestContext
{
    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, "The Campaign API refused the dashboard's API key (401). Check CampaignApi:ApiKey.")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "The Campaign API failed (503): no details. Nothing you entered was lost; try again.")]
    public void TheListSaysTheApiRefusedNotThatThereAreNoCampaigns(HttpStatusCode status, string expected)
    {
        Services.AddSingleton<ICampaignApi>(new RefusingApi(status));
        RenderProviders();

        var page = Render<CampaignsPage>();

        page.WaitForAssertion(() => Assert.Equal(expected, page.Find("[data-testid=campaigns-error]").TextContent.Trim()));
        Assert.DoesNotContain("No campaigns yet.", page.Markup);
        Assert.Contains("The campaigns could not be loaded.", page.Markup);
    }

    /// <summary>Every list call answers with the status and no body, as a refusing server does.</summary>
    private sealed class RefusingApi(HttpStatusCode status) : ICampaignApi
    {
        private async Task<IApiResponse<WireList<T>>> Refused<T>()
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "http://vendor.test/v2/campaign/getAll");
            var response = new HttpResponseMessage(status) { RequestMessage = request, Content = new StringContent("") };
            var error = await ApiException.Create(request, HttpMethod.Get, response, new RefitSettings());
            return new ApiResponse<WireList<T>>(response, null, new RefitSettings(), error);
        }

        public Task<IApiResponse<WireList<CampaignResponse>>> GetAllCampaignsAsync(int? resultSize = null, int? offset = null, string? status = null,
            string? search = null, int? id = null, CancellationToken cancellationToken = default) => Refused<CampaignResponse>();

        public Task<IApiResponse<WireList<CampaignMessage>>> GetCampaignMessagesAsync(int campaignId, int? resultSize = null, int? offset = null,
            string? status = null, string? messageKey = null, CancellationToken cancellationToken = default) => Refused<CampaignMessage>();

        public Task<CampaignResponse> CreateCampaignAsync(CreateCampaignRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<CampaignResponse> UpdateCampaignAsync(UpdateCampaignRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<CampaignResponse> DeleteCampaignAsync(DeleteCampaignRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<CampaignMessage> ResendMessageAsync(ResendCampaignMessageRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
