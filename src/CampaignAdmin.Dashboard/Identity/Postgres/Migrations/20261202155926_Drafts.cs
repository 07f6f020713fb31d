using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CampaignAdmin.Dashboard.Identity.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Drafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "drafts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    templateid = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    recipients = table.Column<int>(type: "integer", nullable: false),
                    ownerid = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    owneremail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    createdatutc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updatedatutc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    origin = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_drafts", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_drafts_updatedatutc",
                table: "drafts",
                column: "updatedatutc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "drafts");
        }
    }
}
