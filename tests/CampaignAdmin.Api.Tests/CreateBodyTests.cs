using System.Text;
using System.Text.Json;
using CampaignAdmin.Api.Campaigns;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Wire;

namespace CampaignAdmin.Api.Tests;

/// <summary>
/// The create body read in one pass, its clients a chunk at a time (CreateBody), against the serializer reading the
/// whole body: the same request, the same clients and params JSON, or the same error text, for every body here.
/// </summary>
public sealed class CreateBodyTests
{
    private const string Json = "\"JSON\":\"{\\\"to\\\":\\\"<accountID>\\\"}\"";

    private static readonly string[] Bodies =
    [
        $$"""{"Name":"A","Clients":[{"AccountID":"+966539078942","Params":["x","y"]},{"AccountID":"+966539078943","Params":["z"]}],{{Json}}}""",
        $$"""{"name":"lower","clients":[{"accountid":"1","params":[]}],"tempmsgid":"  ","sendat":"2030-01-01T00:00:00Z","message":"m"}""",
        """{"Name":null,"Message":null,"JSON":null,"TempMsgID":null,"SendAt":null,"Clients":null}""",
        """{"Clients":[null,{"AccountID":null,"Params":null},{"Params":[null,"",null]},{}]}""",
        """{"Clients":[{"AccountID":"+1","Params":["\"quoted\"","tab\tnew\nline","\u0645\u0631\u062d\u0628\u0627","مرحبا","😀","\ud83d\ude00","<b>&amp;</b>"]}]}""",
        """{"Extra":{"deep":[1,2,{"x":null}]},"Clients":[{"AccountID":"+1","Other":[[[]]],"Params":["a"]}],"Name":"n","More":true}""",
        """  {"Clients":[]}  """,
        "{\r\n  \"Name\": \"crlf\",\r\n  \"Clients\": [ { \"AccountID\" : \"+2\" , \"Params\" : [ \"p\" ] } ]\r\n}\r\n",
        // What the scan leaves to the serializer: the answer must still be the serializer's.
        """{"N\u0061me":"escaped key","Clients":[{"AccountID":"1"}]}""",
        """{"Name":"first","name":"second","Clients":[]}""",
        """{"Clients":[{"AccountID":"1","AccountID":"2"}]}""",
        """{"Clients":[],"Clients":[{"AccountID":"3"}]}""",
        """{"ＮＡＭＥ":"fullwidth","TempMsgıD":"dotless i"}""",
        "\uFEFF{\"Name\":\"bom\"}",
        "null",
        // Malformed bodies: the serializer's texts.
        """{"Name":42}""",
        """{"Clients":"abc"}""",
        """{"Clients":[{"AccountID":5}]}""",
        """{"Clients":[{"AccountID":"1","Params":[1]}]}""",
        """{"Clients":[{"AccountID":"1","Params":"x"}]}""",
        """{"Clients":[1]}""",
        """{"Clients":[{"AccountID":"1"},]}""",
        """{"Clients":[{"AccountID":"1"}""",
        """{"Name":"x",}""",
        """{"Name":"x"} trailing""",
        """{"Name":"x"}{"Name":"y"}""",
        """{"Name":"x" /* comment */}""",
        """[{"Name":"x"}]""",
        "42",
        """{"Clients":[{"AccountID":"\ud800"}]}""",
        """{"Clients":[{"Params":["\udc00x"]}]}""",
        """{"Name":"\u12"}""",
        """{"Clients":[{"AccountID":"1","Params":["a"]}],"Extra":""" + new string('[', 40) + new string(']', 40) + "}",
        """{"Clients":[{"AccountID":"1","Params":["a"]}],"Extra":""" + new string('[', 30) + new string(']', 30) + "}",
    ];

    public static TheoryData<string> ReadAlike() => new(Bodies);

    [Theory]
    [MemberData(nameof(ReadAlike))]
    public void TheBodyReadsAsTheSerializerReadsIt(string body) =>
        Assert.Equal(BySerializer(Encoding.UTF8.GetBytes(body)), ByCreateBody(Encoding.UTF8.GetBytes(body)));

    /// <summary>The first bodies above are the usual ones: none of them costs the serializer's pass.</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void UsualBodiesAreStreamed(int index) =>
        Assert.True(CreateBody.Read(Encoding.UTF8.GetBytes(Bodies[index]))!.IsStreamed);

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xFF })]
    public void InvalidUtf8InAClientReadsAsTheSerializerReadsIt(byte[] bad)
    {
        byte[] body = [.. """{"Clients":[{"AccountID":"1","Params":["""u8, (byte)'"', .. bad, (byte)'"', .. "]}]}"u8];

        var expected = BySerializer(body);

        Assert.StartsWith("error:", expected);
        Assert.Equal(expected, ByCreateBody(body));
    }

    [Fact]
    public void ClientsOverManyChunksReadBackInOrderWithTheirParams()
    {
        var count = CampaignWriter.ChunkSize * 2 + 7;
        var request = new CreateCampaignRequest
        {
            Name = "chunks",
            Clients = Enumerable.Range(0, count).Select(i => new CampaignClient
            {
                AccountId = $" +96650{1_000_000 + i:D7} ",
                Params = i % 3 == 0 ? [$"Customer {i}", "\"q\"", "مرحبا"] : [$"C{i}"],
            }).ToList(),
        };
        var body = JsonSerializer.SerializeToUtf8Bytes(request, CampaignJson.Options);

        var read = CreateBody.Read(body)!;

        Assert.True(read.IsStreamed);
        Assert.Equal(count, read.Clients.Count);
        for (var start = 0; start < count; start += CampaignWriter.ChunkSize)
        {
            var (accountIds, parameters) = read.Clients.Read(start, Math.Min(CampaignWriter.ChunkSize, count - start));
            for (var i = 0; i < accountIds.Length; i++)
            {
                Assert.Equal(request.Clients[start + i].AccountId, accountIds[i]);
                Assert.Equal(JsonSerializer.Serialize(request.Clients[start + i].Params, CampaignJson.Options), parameters[i]);
            }
        }
    }

    /// <summary>Rules 3, 6 and 7 see stand-ins: the first client's params, the fewest and the most anyone has.</summary>
    [Theory]
    [InlineData(new[] { 2, 2, 2, 2 }, new[] { 2, 2, 2 })]
    [InlineData(new[] { 3, 2, 5, 2 }, new[] { 3, 2, 5 })]
    [InlineData(new[] { 1, 4 }, new[] { 1, 1, 4 })]
    [InlineData(new[] { 2 }, new[] { 2 })]
    [InlineData(new int[0], new int[0])]
    public void TheRulesSeeTheFirstTheFewestAndTheMostParams(int[] counts, int[] standIns)
    {
        var clients = counts.Select((n, i) => new CampaignClient { AccountId = $"{i}", Params = [.. Enumerable.Repeat("v", n)] }).ToList();
        var body = JsonSerializer.SerializeToUtf8Bytes(new CreateCampaignRequest { Name = "n", Clients = clients }, CampaignJson.Options);

        var read = CreateBody.Read(body)!;

        Assert.True(read.IsStreamed);
        Assert.Equal(standIns, read.Request.Clients.Select(c => c.Params.Count));
        Assert.Equal(counts.Length, read.Clients.Count);
    }

    private static string BySerializer(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize<CreateCampaignRequest>(body, CampaignJson.Options) is { } request
                ? Describe(request.Normalize(), request.Clients)
                : "null";
        }
        catch (JsonException exception)
        {
            return Error(exception);
        }
    }

    private static string ByCreateBody(byte[] body)
    {
        try
        {
            return CreateBody.Read(body) is { } read ? Describe(read.Request, read.Clients.ToList()) : "null";
        }
        catch (JsonException exception)
        {
            return Error(exception);
        }
    }

    private static string Error(JsonException exception) => $"error: {exception.Path} {exception.LineNumber} {exception.BytePositionInLine}";

    private static string Describe(CreateCampaignRequest request, List<CampaignClient> clients) =>
        JsonSerializer.Serialize(new { request.Name, request.Message, request.Json, request.TempMsgId, request.SendAt, Clients = clients }, CampaignJson.Options);
}
