using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CampaignAdmin.Api.Sending.Sandbox.Migrations
{
    /// <inheritdoc />
    public partial class SandboxSendsByMessageKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Sandbox_Sends_MessageKey",
                table: "Sandbox_Sends",
                column: "MessageKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Sandbox_Sends_MessageKey",
                table: "Sandbox_Sends");
        }
    }
}
