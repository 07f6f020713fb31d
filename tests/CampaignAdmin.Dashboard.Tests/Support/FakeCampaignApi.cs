using System.Net;
using System.Text;
using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Wire;
using Refit;

namespace CampaignAdmin.Dashboard.Tests.Support;

/// <summary>An in-memory <see cref="ICampaignApi"/>: each call is recorded, each answer can be replaced by a test.</summary>
public sealed class FakeCampaignApi : ICampaignApi
{
    public List<CampaignResponse> Campaigns { get; } = [];
    public List<CampaignMessage> Messages { get; } = [];
    public List<CreateCampaignRequest> Created { get; } = [];
    public List<UpdateCampaignRequest> Updated { get; } = [];
    public List<int> Deleted { get; } = [];
    public List<string> Resent { get; } = [];

    public Func<CreateCampaignRequest, Task<CampaignResponse>>? OnCreate { get; set; }
    public Func<ResendCampaignMessageRequest, Task<CampaignMessage>>? OnResend { get; set; }

    /// <summary>
    /// Like the vendor's service: both lists know only <c>resultSize</c>. <c>offset</c>, <c>status</c>, <c>search</c>, <c>id</c>
    /// and <c>messageKey</c> are ignored (the same first page, every status, forever) and no <c>X-Total-Count</c> is sent.
    /// </summary>
    public bool IgnoresExtensions { get; set; }

    /// <summary>
    /// Answers with copies, as a real client does (each answer is new objects): what the page shows changes only through
    /// what it reads or does, never because a test changed <see cref="Campaigns"/> or <see cref="Messages"/>.
    /// </summary>
    public bool AnswersCopies { get; set; }

    /// <summary>When set, <c>getCampMsgs</c> answers what this makes of (resultSize, offset), with no total.</summary>
    public Func<int?, int?, List<CampaignMessage>>? MessageSource { get; set; }

    /// <summary>How many times <c>getCampMsgs</c> was called.</summary>
    public int MessageCalls => _messageCalls;

    /// <summary>How often <c>getAll</c> was called.</summary>
    public int CampaignCalls => _campaignCalls;

    private int _messageCalls, _campaignCalls;

    public Task<CampaignResponse> CreateCampaignAsync(CreateCampaignRequest request, CancellationToken cancellationToken = default)
    {
        Created.Add(request);
        return OnCreate?.Invoke(request) ?? Task.FromResult(new CampaignResponse { Id = 42, Name = request.Name, Status = CampaignStatus.Sending });
    }

    public Task<CampaignResponse> UpdateCampaignAsync(UpdateCampaignRequest request, CancellationToken cancellationToken = default)
    {
        Updated.Add(request);
        var campaign = Campaigns.Single(c => c.Id == request.Id);
        if (request.Name.Length > 0) campaign.Name = request.Name;
        if (request.SendAt.Length > 0) campaign.SendAt = request.SendAt;
        return Task.FromResult(campaign);
    }

    public Task<CampaignResponse> DeleteCampaignAsync(DeleteCampaignRequest request, CancellationToken cancellationToken = default)
    {
        Deleted.Add(request.Id);
        var campaign = Campaigns.Single(c => c.Id == request.Id);
        Campaigns.Remove(campaign);
        return Task.FromResult(campaign);
    }

    public Task<IApiResponse<WireList<CampaignResponse>>> GetAllCampaignsAsync(int? resultSize = null, int? offset = null, string? status = null,
        string? search = null, int? id = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _campaignCalls);
        if (IgnoresExtensions) return Task.FromResult(Page(Campaigns.ToList(), 0, resultSize, withTotal: false));
        var matching = Campaigns.Where(c => id is null || c.Id == id)
            .Where(c => status is null || c.Status == status)
            .Where(c => search is null || c.Name.Contains(search, StringComparison.OrdinalIgnoreCase)).ToList();
        return Task.FromResult(Page(matching, offset, resultSize));
    }

    public Task<IApiResponse<WireList<CampaignMessage>>> GetCampaignMessagesAsync(int campaignId, int? resultSize = null, int? offset = null,
        string? status = null, string? messageKey = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _messageCalls);
        if (MessageSource is not null) return Task.FromResult(Page(MessageSource(resultSize, offset), 0, null, withTotal: false));
        if (IgnoresExtensions) return Task.FromResult(Page(Messages.Where(m => m.CampaignId == campaignId).ToList(), 0, resultSize, withTotal: false));
        var matching = Messages.Where(m => m.CampaignId == campaignId && (status is null || m.Status == status)
                                           && (messageKey is null || m.MessageKey == messageKey)).ToList();
        return Task.FromResult(Page(matching, offset, resultSize));
    }

    public Task<CampaignMessage> ResendMessageAsync(ResendCampaignMessageRequest request, CancellationToken cancellationToken = default)
    {
        lock (Resent) Resent.Add(request.MessageKey);
        return OnResend?.Invoke(request) ?? Task.FromResult(Submitted(request.MessageKey));
    }

    public CampaignMessage Submitted(string key)
    {
        var message = Messages.Single(m => m.MessageKey == key);
        return new CampaignMessage
        {
            MessageKey = key, CampaignId = message.CampaignId, AccountId = message.AccountId, Params = message.Params,
            Status = "SUBMITTED", Attempts = message.Attempts + 1, ProviderMessageId = "wamid.test",
        };
    }

    private T Copy<T>(T item) => AnswersCopies
        ? System.Text.Json.JsonSerializer.Deserialize<T>(System.Text.Json.JsonSerializer.Serialize(item, CampaignJson.Options), CampaignJson.Options)!
        : item;

    /// <summary>A Refit failure as the real client raises it: status code and <c>{"Error":"…"}</c> body.</summary>
    public static async Task<ApiException> Error(HttpStatusCode status, string error)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "http://api.test/v2/campaign");
        var response = new HttpResponseMessage(status)
        {
            RequestMessage = request,
            Content = new StringContent($"{{\"Error\":\"{error.Replace("\"", "\\\"")}\"}}", Encoding.UTF8, "application/json"),
        };
        return await ApiException.Create(request, HttpMethod.Post, response, new RefitSettings());
    }

    private IApiResponse<WireList<T>> Page<T>(List<T> items, int? offset, int? size, bool withTotal = true)
    {
        var page = items.Skip(offset ?? 0).Take(size ?? int.MaxValue).Select(Copy).ToList();
        var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = new HttpRequestMessage(HttpMethod.Get, "http://api.test/") };
        if (withTotal) response.Headers.Add(CampaignAdmin.Contracts.Wire.WireHeaders.TotalCount, items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new ApiResponse<WireList<T>>(response, new WireList<T>(page), new RefitSettings());
    }
}
