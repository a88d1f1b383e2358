import{a}from"./chunk-GIPMUP3B.js";a();
