using System.Net;
using System.Text;
using System.Text.Json;
using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Wire;
using Refit;

namespace CampaignAdmin.Api.Tests.Infrastructure;

public static class Requests
{
    /// <summary>A valid two-client request against order_confirmation.</summary>
    public static CreateCampaignRequest OrderConfirmation(string name = "Order Confirmation Campaign", string sendAt = "", params string[] numbers)
    {
        if (numbers.Length == 0) numbers = ["+966539078942", "+966539078944"];
        return new CreateCampaignRequest
        {
            Name = name,
            TempMsgId = ApiFactory.OrderConfirmation,
            SendAt = sendAt,
            Clients = numbers.Select((n, i) => new CampaignClient { AccountId = n, Params = [$"Customer {i}", $"ORD-{i}"] }).ToList(),
        };
    }

    public static string FutureSendAt(TimeSpan from) =>
        DateTimeOffset.UtcNow.Add(from).ToOffset(TimeSpan.FromHours(3)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<(HttpStatusCode Status, string Error)> ErrorOf(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(body);
        return (response.StatusCode, document.RootElement.GetProperty("Error").GetString()!);
    }

    /// <summary>Runs a Refit call that must fail, returning its status and the API's error text.</summary>
    public static async Task<(HttpStatusCode Status, string Error)> FailureOf(Func<Task> call)
    {
        var exception = await Assert.ThrowsAsync<ApiException>(call);
        return (exception.StatusCode, ApiErrors.ErrorText(exception));
    }

    public static async Task<List<CampaignMessage>> MessagesAsync(this ICampaignApi api, int campaignId, string? status = null)
    {
        var page = await api.GetMessagePageAsync(campaignId, 0, 1000, status);
        return page.Items.ToList();
    }

    public static async Task<CampaignResponse> CampaignAsync(this ICampaignApi api, int id) =>
        await api.GetCampaignAsync(id) ?? throw new InvalidOperationException($"campaign {id} not found");

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, CampaignJson.Options)!;
}
