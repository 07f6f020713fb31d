using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CampaignAdmin.Api.Sending.Sandbox.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SandboxSends : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sandbox_sends",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    providermessageid = table.Column<string>(type: "text", nullable: false),
                    messagekey = table.Column<string>(type: "text", nullable: false),
                    to = table.Column<string>(type: "text", nullable: false),
                    payload = table.Column<string>(type: "text", nullable: false),
                    sentat = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sandbox_sends", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sandbox_sends_messagekey",
                table: "sandbox_sends",
                column: "messagekey");

            migrationBuilder.CreateIndex(
                name: "ix_sandbox_sends_to",
                table: "sandbox_sends",
                column: "to");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sandbox_sends");
        }
    }
}
