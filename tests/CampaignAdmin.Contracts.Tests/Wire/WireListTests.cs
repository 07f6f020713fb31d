using System.Text.Json;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Contracts.Wire;

namespace CampaignAdmin.Contracts.Tests.Wire;

public class WireListTests
{
    private static IReadOnlyList<CampaignResponse> Read(string json) =>
        JsonSerializer.Deserialize<WireList<CampaignResponse>>(json, CampaignJson.Options)!.Items;

    [Fact]
    public void BareArrayIsRead() =>
        Assert.Equal([1, 2], Read("""[{"ID":1},{"ID":2}]""").Select(c => c.Id));

    [Fact]
    public void ObjectWrappingTheArrayAsCampaignsIsRead() =>
        Assert.Equal([3, 4], Read("""{"Campaigns":[{"ID":3},{"ID":4}]}""").Select(c => c.Id));

    [Fact]
    public void ObjectWrappingTheArrayAsDataIsRead() =>
        Assert.Equal([5], Read("""{"data":[{"id":5}]}""").Select(c => c.Id));

    [Fact]
    public void WrapperWithOtherFieldsBeforeTheArrayIsRead() =>
        Assert.Equal([6], Read("""{"Count":1,"Message":"ok","data":[{"ID":6}]}""").Select(c => c.Id));

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{"data":null}""")]
    public void NullOrEmptyReadsAsNoItems(string json) => Assert.Empty(Read(json));

    [Fact]
    public void NullInsideAnotherObjectReadsAsNoItems()
    {
        var wrapper = JsonSerializer.Deserialize<Dictionary<string, WireList<CampaignResponse>>>("""{"list":null}""", CampaignJson.Options)!;
        Assert.Empty(wrapper["list"].Items);
    }

    [Theory]
    [InlineData("\"campaigns\"")]
    [InlineData("42")]
    public void ScalarIsRejected(string json) =>
        Assert.Throws<JsonException>(() => Read(json));

    [Fact]
    public void MessagesAndTemplatesAreReadToo()
    {
        var messages = JsonSerializer.Deserialize<WireList<CampaignMessage>>("""{"Messages":[{"MessageKey":"K","Status":"FAILED"}]}""", CampaignJson.Options)!;
        var templates = JsonSerializer.Deserialize<WireList<TemplateDto>>("""[{"ID":"t","Name":"hello"}]""", CampaignJson.Options)!;

        Assert.Equal("K", Assert.Single(messages.Items).MessageKey);
        Assert.Equal("hello", Assert.Single(templates.Items).Name);
    }

    [Fact]
    public void ListIsWrittenAsABareArray() =>
        Assert.Equal("""[{"MessageKey":"K"}]""",
            JsonSerializer.Serialize(new WireList<ResendCampaignMessageRequest>([new ResendCampaignMessageRequest { MessageKey = "K" }]), CampaignJson.Options));
}
