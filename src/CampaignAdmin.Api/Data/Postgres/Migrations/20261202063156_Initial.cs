using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CampaignAdmin.Api.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "campaigns",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    companyid = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    templateid = table.Column<string>(type: "text", nullable: false),
                    templatename = table.Column<string>(type: "text", nullable: false),
                    lang = table.Column<string>(type: "text", nullable: false),
                    message = table.Column<string>(type: "text", nullable: false),
                    json = table.Column<string>(type: "text", nullable: false),
                    sendattext = table.Column<string>(type: "text", nullable: false),
                    sendat = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    agentid = table.Column<int>(type: "integer", nullable: false),
                    total = table.Column<int>(type: "integer", nullable: false),
                    sentcount = table.Column<int>(type: "integer", nullable: false),
                    deliveredcount = table.Column<int>(type: "integer", nullable: false),
                    readcount = table.Column<int>(type: "integer", nullable: false),
                    failedcount = table.Column<int>(type: "integer", nullable: false),
                    reportheaders = table.Column<string>(type: "text", nullable: false),
                    socketkey = table.Column<string>(type: "text", nullable: false),
                    createdat = table.Column<long>(type: "bigint", nullable: false),
                    updatedat = table.Column<long>(type: "bigint", nullable: false),
                    firstmessageid = table.Column<long>(type: "bigint", nullable: false),
                    lastmessageid = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaigns", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "companies",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "text", nullable: false),
                    createdat = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_companies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    key = table.Column<string>(type: "text", nullable: false),
                    campaignid = table.Column<int>(type: "integer", nullable: false),
                    companyid = table.Column<int>(type: "integer", nullable: false),
                    accountid = table.Column<string>(type: "text", nullable: false),
                    @params = table.Column<string>(name: "params", type: "text", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    error = table.Column<string>(type: "text", nullable: false),
                    errorcode = table.Column<int>(type: "integer", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    providermessageid = table.Column<string>(type: "text", nullable: false),
                    createdat = table.Column<long>(type: "bigint", nullable: false),
                    sentat = table.Column<long>(type: "bigint", nullable: true),
                    deliveredat = table.Column<long>(type: "bigint", nullable: true),
                    readat = table.Column<long>(type: "bigint", nullable: true),
                    updatedat = table.Column<long>(type: "bigint", nullable: true),
                    nextattemptat = table.Column<long>(type: "bigint", nullable: false),
                    leaseowner = table.Column<string>(type: "text", nullable: false),
                    leaseuntil = table.Column<long>(type: "bigint", nullable: false),
                    handedoverat = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "templates",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    companyid = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    category = table.Column<string>(type: "text", nullable: false),
                    language = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    creation = table.Column<string>(type: "text", nullable: false),
                    compose = table.Column<string>(type: "text", nullable: false),
                    variables = table.Column<string>(type: "text", nullable: false),
                    createdat = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_templates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "apikeys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    companyid = table.Column<int>(type: "integer", nullable: false),
                    hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    prefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    createdat = table.Column<long>(type: "bigint", nullable: false),
                    revokedat = table.Column<long>(type: "bigint", nullable: true),
                    manageskeys = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_apikeys", x => x.id);
                    table.ForeignKey(
                        name: "fk_apikeys_companies_companyid",
                        column: x => x.companyid,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_apikeys_companyid",
                table: "apikeys",
                column: "companyid");

            migrationBuilder.CreateIndex(
                name: "ix_apikeys_hash",
                table: "apikeys",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_campaigns_companyid_id",
                table: "campaigns",
                columns: new[] { "companyid", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_campaigns_status_sendat",
                table: "campaigns",
                columns: new[] { "status", "sendat" });

            migrationBuilder.CreateIndex(
                name: "ix_messages_campaignid_status_id",
                table: "messages",
                columns: new[] { "campaignid", "status", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_messages_key",
                table: "messages",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_messages_providermessageid",
                table: "messages",
                column: "providermessageid",
                filter: "ProviderMessageId <> ''");

            migrationBuilder.CreateIndex(
                name: "ix_templates_companyid_name_language",
                table: "templates",
                columns: new[] { "companyid", "name", "language" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "apikeys");

            migrationBuilder.DropTable(
                name: "campaigns");

            migrationBuilder.DropTable(
                name: "messages");

            migrationBuilder.DropTable(
                name: "templates");

            migrationBuilder.DropTable(
                name: "companies");
        }
    }
}
