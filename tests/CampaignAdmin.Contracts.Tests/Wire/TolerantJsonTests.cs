using System.Text.Json;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Contracts.Wire;
using CampaignAdmin.Contracts.Wire.Tolerant;

namespace CampaignAdmin.Contracts.Tests.Wire;

/// <summary>Issue 9: answers shaped like a Go service's (nil as null, interface{} fields, missing fields) never break reading.</summary>
public sealed class TolerantJsonTests
{
    private static List<T> Read<T>(string json) => JsonSerializer.Deserialize<WireList<T>>(json, TolerantJson.Options)!.Items.ToList();

    [Fact]
    public void NilListsReadAsEmptyInsideItemsToo()
    {
        var message = Read<CampaignMessage>("""[{"MessageKey":"K1","Params":null,"AccountID":null,"Status":"SENT","SentAt":null}]""").Single();

        Assert.Empty(message.Params);
        Assert.Equal(("K1", "", "SENT"), (message.MessageKey, message.AccountId, message.Status));
        Assert.Null(message.SentAt);
    }

    [Fact]
    public void StructAndInterfaceFieldsKeepWhatCanBeUsed()
    {
        var template = Read<TemplateDto>("""
            [{"ID":"t1","Name":"promo","Status":"APPROVED","Compose":{"Body":"Hi"},"Variables":null,
              "Creation":[{"Type":"BODY","Text":"Hi {{1}}","Buttons":null,"Examples":null},
                          {"Type":"BUTTONS","Buttons":[{"Type":"URL","Example":["summer2023","x"]},{"Type":"URL","Example":{"a":1}},
                                                       {"Type":"COPY_CODE","Example":"CODE1"},{"Type":"URL","Example":42}]}]}]
            """).Single();

        Assert.Equal(("promo", "", "Hi {{1}}"), (template.Name, template.Compose, template.BodyText));
        Assert.Empty(template.Variables);
        Assert.Equal(["summer2023", "", "CODE1", "42"], template.Creation[1].Buttons.Select(b => b.Example));
        Assert.Empty(template.Creation[0].Buttons);
    }

    [Fact]
    public void AnItemOfTheWrongShapeIsDroppedNotTheList()
    {
        var campaigns = Read<CampaignResponse>("""[{"ID":1,"Name":"a"},"not a campaign",42,null,{"ID":"2","Name":7,"SentCount":"x","Clients":{}}]""");

        Assert.Equal([(1, "a"), (2, "7")], campaigns.Select(c => (c.Id, c.Name)));
        Assert.Equal(0, campaigns[1].SentCount);
        Assert.Empty(campaigns[1].Clients);
    }

    [Fact]
    public void AMissingReadCountIsUnknownNotZero()
    {
        var campaigns = Read<CampaignResponse>("""[{"ID":1,"ReadCount":0},{"ID":2}]""");
        Assert.Equal([true, false], campaigns.Select(c => c.ReadCountKnown));
    }

    [Fact]
    public void RandomJsonOfRightAndWrongShapesNeverThrowsAndLeavesNoNulls()
    {
        var random = new Random(20261201);
        for (var i = 0; i < 3_000; i++)
        {
            AssertReadsClean<CampaignResponse>(WireFuzz.List(random, WireFuzz.CampaignFields));
            AssertReadsClean<CampaignMessage>(WireFuzz.List(random, WireFuzz.MessageFields));
            AssertReadsClean<TemplateDto>(WireFuzz.List(random, WireFuzz.TemplateFields));
        }
    }

    private static void AssertReadsClean<T>(string json)
    {
        var items = JsonSerializer.Deserialize<WireList<T>>(json, TolerantJson.Options)!.Items;
        foreach (var item in items) WireFuzz.AssertNoNulls(item!, json);
    }
}

public sealed class AssumedTimeZoneTests
{
    [Fact]
    public void ATimeWithoutAnOffsetIsReadInTheConfiguredZoneAndOneWithAnOffsetIsKept()
    {
        var riyadh = TimeZoneInfo.FindSystemTimeZoneById("Asia/Riyadh");
        var message = JsonSerializer.Deserialize<CampaignMessage>(
            """{"CreatedAt":"2025-03-03 11:32:25","SentAt":"2025-03-03T11:32:25+01:00","UpdatedAt":null,"Status":"2025-03-03 11:32:25"}""",
            TolerantJson.Create(riyadh))!;

        Assert.Equal("2025-03-03T11:32:25+03:00", message.CreatedAt);
        Assert.Equal("2025-03-03T11:32:25+01:00", message.SentAt);
        Assert.Null(message.UpdatedAt);
        Assert.Equal("2025-03-03 11:32:25", message.Status);
    }

    [Fact]
    public void TheDefaultZoneIsUtcNotThisServersLocalTime() =>
        Assert.Equal("2025-03-03T11:32:25Z",
            JsonSerializer.Deserialize<CampaignResponse>("""{"SendAt":"2025-03-03 11:32:25"}""", TolerantJson.Options)!.SendAt);

    [Fact]
    public void AnUnknownZoneNamesTheSetting()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => new CampaignAdmin.Client.CampaignApiOptions { TimeZone = "Mars/Olympus" }.AssumedTimeZone());
        Assert.Equal("CampaignApi:TimeZone \"Mars/Olympus\" is not a time zone this machine knows (use an IANA ID such as Asia/Riyadh, or UTC).", failure.Message);
    }
}
