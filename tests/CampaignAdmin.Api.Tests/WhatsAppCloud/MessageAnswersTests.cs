using System.Text;
using System.Text.Json.Nodes;
using CampaignAdmin.Api.Sending;
using CampaignAdmin.Api.Sending.WhatsAppCloud;

namespace CampaignAdmin.Api.Tests.WhatsAppCloud;

/// <summary>Meta's answer is untrusted: whatever its shape, it becomes an outcome and never an exception.</summary>
public sealed class MessageAnswersTests
{
    [Theory]
    [InlineData(400, 130429, SendFailureKind.NotSent)]
    [InlineData(400, 131056, SendFailureKind.NotSent)]
    [InlineData(500, 131000, SendFailureKind.NotSent)]
    [InlineData(503, 131016, SendFailureKind.NotSent)]
    [InlineData(400, 131026, SendFailureKind.Permanent)]
    [InlineData(400, 131047, SendFailureKind.Permanent)]
    [InlineData(400, 131051, SendFailureKind.Permanent)]
    [InlineData(404, 132000, SendFailureKind.Permanent)]
    [InlineData(404, 132001, SendFailureKind.Permanent)]
    [InlineData(400, 132005, SendFailureKind.Permanent)]
    [InlineData(400, 132012, SendFailureKind.Permanent)]
    [InlineData(400, 131008, SendFailureKind.Permanent)]
    [InlineData(400, 100, SendFailureKind.Permanent)]
    [InlineData(500, 131026, SendFailureKind.Permanent)]
    [InlineData(429, 4, SendFailureKind.NotSent)]
    [InlineData(502, 1, SendFailureKind.NotSent)]
    [InlineData(400, 135000, SendFailureKind.Permanent)]
    [InlineData(401, 190, SendFailureKind.Held)]
    [InlineData(400, 190, SendFailureKind.Held)]
    [InlineData(401, 0, SendFailureKind.Held)]
    public void EachCodeHasItsFamily(int httpStatus, int code, SendFailureKind kind)
    {
        var outcome = MessageAnswers.Outcome(Answer(httpStatus, $$$$"""{"error":{"message":"(#{{{{code}}}}) words","type":"OAuthException","code":{{{{code}}}},"error_data":{"details":"more"}}}"""));

        Assert.Equal((false, kind, code == 0 ? MessageAnswers.TokenRefused : code), (outcome.Accepted, outcome.Failure, outcome.ErrorCode));
        Assert.EndsWith($"(#{code}) words: more", outcome.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"messages":[{"id":"wamid.X"}]}""", true)]
    [InlineData("""{"messages":[{"id":"wamid.X"},{"id":"wamid.Y"}]}""", true)]
    [InlineData("""{"messages":[]}""", false)]
    [InlineData("""{"messages":null}""", false)]
    [InlineData("""{"messages":{"id":"wamid.X"}}""", false)]
    [InlineData("""{"messages":[{"id":null}]}""", false)]
    [InlineData("""{"messages":[{"id":7}]}""", false)]
    [InlineData("""{"messages":[{"id":""}]}""", false)]
    [InlineData("""[{"messages":[{"id":"wamid.X"}]}]""", false)]
    [InlineData("""{"messages":[{"id":"wamid.X"}],"messages":[{"id":"wamid.Y"}]}""", true)]
    [InlineData("\"ok\"", false)]
    [InlineData("not json at all", false)]
    [InlineData("", false)]
    public void ASuccessWithoutAReadableIdIsOutcomeUnknown(string body, bool accepted)
    {
        var outcome = MessageAnswers.Outcome(Answer(200, body));

        Assert.Equal(accepted ? SendFailureKind.None : SendFailureKind.OutcomeUnknown, outcome.Failure);
        if (!accepted) Assert.Equal(CloudTexts.Unknown(CloudTexts.NoMessageId), outcome.Error);
    }

    [Theory]
    [InlineData("""{"error":{"code":"131026","message":"(#131026) Message undeliverable"}}""", 131026, "(#131026) Message undeliverable")]
    [InlineData("""{"error":{"code":131026.5,"message":7}}""", 0, "the Graph API refused the message (HTTP 400) without an error body")]
    [InlineData("""{"error":"boom"}""", 0, "the Graph API refused the message (HTTP 400) without an error body")]
    [InlineData("""{"error":{"code":131026,"error_data":{"details":"the details only"}}}""", 131026, "the details only")]
    [InlineData("""{"error":{"code":131026,"message":"same","error_data":{"details":"same"}}}""", 131026, "same")]
    [InlineData("""{"error":{"code":131026,"message":"m","error_data":[1,2]}}""", 131026, "m")]
    [InlineData("""[1,2,3]""", 0, "the Graph API refused the message (HTTP 400) without an error body")]
    public void AnyErrorShapeKeepsWhatCanBeRead(string body, int code, string error)
    {
        var outcome = MessageAnswers.Outcome(Answer(400, body));

        Assert.Equal((SendFailureKind.Permanent, code, error), (outcome.Failure, outcome.ErrorCode, outcome.Error));
    }

    [Fact]
    public void MetasWordsAreCutToAReadableLength()
    {
        var outcome = MessageAnswers.Outcome(Answer(400, $$$$"""{"error":{"code":131026,"message":"{{{{new string('m', 5000)}}}}","error_data":{"details":"{{{{new string('d', 5000)}}}}"}}}"""));

        Assert.Equal(new string('m', 300) + "…: " + new string('d', 500) + "…", outcome.Error);
    }

    [Fact]
    public void DeeplyNestedJsonIsNotReadAndNotAnException()
    {
        var outcome = MessageAnswers.Outcome(Answer(400, new string('[', 10_000) + new string(']', 10_000)));

        Assert.Equal((SendFailureKind.Permanent, 0), (outcome.Failure, outcome.ErrorCode));
    }

    [Theory]
    [InlineData(true, SendFailureKind.OutcomeUnknown, "outcome unknown: it broke; the Graph API may have accepted it, check before resending")]
    [InlineData(false, SendFailureKind.NotSent, "not sent: it broke")]
    public void NoAnswerIsUnknownOnlyWhenTheRequestMayHaveLeft(bool mayHaveLeft, SendFailureKind kind, string error)
    {
        var outcome = MessageAnswers.Outcome(new GraphAnswer(0, null, mayHaveLeft, "it broke"));

        Assert.Equal((kind, 0, error), (outcome.Failure, outcome.ErrorCode, outcome.Error));
    }

    [Fact]
    public void TranslationTakesTheTemplateAndLeavesTheOnPremisesFieldsOut()
    {
        var body = CloudMessage.Translate(new OutgoingMessage("KEY1", "+966539078942",
            """{"to":"+000","type":"template","template":{"namespace":"campaignadmin","language":{"policy":"deterministic","code":"ar"},"name":"order_shipped_ar","components":[]}}""", 1), out var error);

        Assert.Equal("", error);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"966539078942","type":"template",
             "template":{"name":"order_shipped_ar","language":{"code":"ar"},"components":[]},"biz_opaque_callback_data":"KEY1"}
            """), body), body?.ToJsonString());
    }

    [Theory]
    [InlineData("not json", CloudTexts.NotJson)]
    [InlineData("""{"template":{"name":"a","name":"b"}}""", CloudTexts.NotJson)]
    [InlineData("""{"type":"text","text":{"body":"hi"}}""", CloudTexts.NoTemplate)]
    [InlineData("""{"template":{"name":7}}""", CloudTexts.NoTemplate)]
    [InlineData("""{"template":"order_confirmation"}""", CloudTexts.NoTemplate)]
    [InlineData("""[]""", CloudTexts.NoTemplate)]
    [InlineData("null", CloudTexts.NoTemplate)]
    public void APayloadThatCannotBeTranslatedIsRefusedBeforeAnythingIsSent(string payload, string expected)
    {
        var body = CloudMessage.Translate(new OutgoingMessage("KEY1", "+966539078942", payload, 1), out var error);

        Assert.Equal((null, expected), (body, error));
    }

    private static GraphAnswer Answer(int status, string body) => new(status, Encoding.UTF8.GetBytes(body), true, "");
}
