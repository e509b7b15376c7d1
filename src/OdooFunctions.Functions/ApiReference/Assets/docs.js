// Swagger UI on the app's own document. No top bar (its box loads other documents), no validator badge (it would call
// validator.swagger.io); operationIds shown, so each operation can be found by the name the TypeScript client's types use.
window.ui = SwaggerUIBundle({
  url: "/api/openapi.json",
  dom_id: "#swagger-ui",
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout",
  validatorUrl: null,
  displayOperationId: true,
  deepLinking: true,
});
