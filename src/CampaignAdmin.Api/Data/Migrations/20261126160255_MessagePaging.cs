using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CampaignAdmin.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class MessagePaging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Messages_CampaignId_Id",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "IX_Messages_ProviderMessageId",
                table: "Messages");

            migrationBuilder.AddColumn<long>(
                name: "FirstMessageId",
                table: "Campaigns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "LastMessageId",
                table: "Campaigns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_Messages_ProviderMessageId",
                table: "Messages",
                column: "ProviderMessageId",
                filter: "ProviderMessageId <> ''");

            // Campaigns created before this migration: their message range, from their messages.
            migrationBuilder.Sql("""
                UPDATE Campaigns SET
                    FirstMessageId = COALESCE((SELECT MIN(Id) FROM Messages WHERE Messages.CampaignId = Campaigns.Id), 0),
                    LastMessageId = COALESCE((SELECT MAX(Id) FROM Messages WHERE Messages.CampaignId = Campaigns.Id), 0);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Messages_ProviderMessageId",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "FirstMessageId",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "LastMessageId",
                table: "Campaigns");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_CampaignId_Id",
                table: "Messages",
                columns: new[] { "CampaignId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_ProviderMessageId",
                table: "Messages",
                column: "ProviderMessageId");
        }
    }
}
