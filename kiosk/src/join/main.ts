/** The registration page (/join/?code=…): a guardian registers from the school's letter. */
import './asg-join-app.js'
