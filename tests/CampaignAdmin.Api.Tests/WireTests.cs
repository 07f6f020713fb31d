using System.Net;
using System.Text.Json;
using CampaignAdmin.Api.Tests.Infrastructure;
using static CampaignAdmin.Api.Tests.Infrastructure.Requests;

namespace CampaignAdmin.Api.Tests;

/// <summary>The bytes on the wire are the vendor's whatever JSON options the host configures for its own endpoints.</summary>
public sealed class WireTests(OtherHostJsonOptionsFactory factory) : IClassFixture<OtherHostJsonOptionsFactory>
{
    [Fact]
    public async Task ResponsesWriteArabicAndPlusSignsUnescaped()
    {
        var request = OrderConfirmation(name: "حملة <عرض> \"رمضان\"", sendAt: FutureSendAt(TimeSpan.FromDays(1)));
        var created = await factory.Http().PostAsync("/v2/campaign/create", Json(JsonSerializer.Serialize(request)));
        var badNumber = await factory.Http().PostAsync("/v2/campaign/create",
            Json("""{"name":"x","clients":[{"accountID":"+٩٦٦ خطأ","params":["a","b"]},{"accountID":"+966539078944","params":["a","b"]}],"TempMsgID":"c8630dcb-dc36-4968-8ca4-26a78893c1e6"}"""));

        var text = await created.Content.ReadAsStringAsync();
        Assert.StartsWith("{\"ID\":", text);
        Assert.Contains("\"Name\":\"حملة <عرض> \\\"رمضان\\\"\"", text);
        Assert.Contains("\"AccountID\":\"+966539078942\"", text);
        Assert.Equal("application/json; charset=utf-8", created.Content.Headers.ContentType?.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, badNumber.StatusCode);
        Assert.Equal("{\"Error\":\"invalid request: invalid accountID \\\"+٩٦٦ خطأ\\\"\"}", await badNumber.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TimesNotYetReachedAreWrittenAsNull()
    {
        var campaign = await factory.Campaigns().CreateCampaignAsync(OrderConfirmation(sendAt: FutureSendAt(TimeSpan.FromDays(1))));

        var response = await factory.Http().GetAsync($"/v2/campaign/getCampMsgs?campaignID={campaign.Id}&resultSize=1");

        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("[{\"MessageKey\":", text);
        Assert.Contains("\"SentAt\":null,\"DeliveredAt\":null,\"ReadAt\":null", text);
    }

    [Fact]
    public async Task EveryErrorIsWrittenTheSameWay()
    {
        var http = factory.Http();

        Assert.Equal("{\"Error\":\"campaign not found\"}", await (await http.GetAsync("/v2/campaign/getCampMsgs?campaignID=2147483647")).Content.ReadAsStringAsync());
        Assert.Equal("{\"Error\":\"invalid resultSize: must be a positive integer\"}", await (await http.GetAsync("/v2/campaign/getAll?resultSize=0")).Content.ReadAsStringAsync());
        Assert.Equal("{\"Error\":\"missing X-API-Key header\"}", await (await factory.Http(key: null).GetAsync("/v2/campaign/getAll")).Content.ReadAsStringAsync());
        Assert.Equal("{\"Error\":\"invalid request body: the body is empty\"}", await (await http.PostAsync("/v2/keys/revoke", Json(""))).Content.ReadAsStringAsync());
    }
}
